using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace RiskSdk.Positions;

/// <summary>
/// Per-scope state (one entry per exchange) read on every decision without a lock. A trading process usually knows a
/// handful of exchanges, so up to <see cref="ScanLimit"/> entries live in one copy-on-write array scanned in order: a
/// key that is the same string instance as the stored one (a literal, a cached name) matches on the first comparison,
/// any other equal string by ordinal comparison. Past that the table moves, once, to a
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> (lock-free reads, constant-time adds), so a process that scopes by
/// symbol or account can hold a hundred thousand scopes without copying the table on each add.
/// </summary>
/// <remarks>
/// Adding and removing take one lock, so a scope's state is created once even when threads race, and a removal never
/// drops a state that replaced the one the caller meant (<see cref="TryRemove"/> compares the instance). Removing is
/// only half of reclaiming a scope: the owner must first make the state refuse new work (see the callers' reclaim
/// protocols), because a reader may have found it just before it was removed.
/// </remarks>
/// <typeparam name="TValue">The state kept per scope.</typeparam>
internal sealed class ScopeTable<TValue>
    where TValue : class
{
    /// <summary>The most entries searched by scanning; beyond it lookups go through a concurrent dictionary.</summary>
    internal const int ScanLimit = 8;

    private readonly object _writeLock = new();

    /// <summary>The scanned array while the table is small; null once it has moved to <see cref="_large"/>.</summary>
    private Small? _small = Small.Empty;

    /// <summary>The dictionary, once the table has outgrown <see cref="ScanLimit"/>; published before <see cref="_small"/> is cleared.</summary>
    private ConcurrentDictionary<string, TValue>? _large;

    /// <summary>How many scopes the table holds.</summary>
    public int Count => Volatile.Read(ref _small) is { } small ? small.Count : _large!.Count;

    /// <summary>The scopes held: in the order they were added while the table is small, in no particular order after.</summary>
    public IReadOnlyCollection<string> Keys => Volatile.Read(ref _small) is { } small ? small.Keys : new List<string>(_large!.Keys).AsReadOnly();

    /// <summary>The states held, in the order of <see cref="Keys"/>'s rule.</summary>
    public IEnumerable<TValue> Values => Volatile.Read(ref _small) is { } small ? small.Values : _large!.Values;

    /// <summary>Every scope with its state, read without the lock (a live view past <see cref="ScanLimit"/>).</summary>
    public IEnumerable<KeyValuePair<string, TValue>> Entries => Volatile.Read(ref _small) is { } small ? small.Entries() : _large!;

    /// <summary>Finds a scope's state.</summary>
    /// <param name="key">The scope.</param>
    /// <param name="value">Its state, when it has one.</param>
    /// <returns>True when the scope is held.</returns>
    public bool TryGetValue(string key, out TValue value)
    {
        var small = Volatile.Read(ref _small);
        if (small is not null)
        {
            return small.TryFind(key, out value);
        }

        return _large!.TryGetValue(key, out value!);
    }

    /// <summary>Finds a scope's state, or null: <see cref="TryGetValue"/> for a caller that keeps no local's address (so nothing of its frame needs zeroing).</summary>
    /// <param name="key">The scope; null is no scope.</param>
    /// <returns>Its state, or null when the scope is not held.</returns>
    public TValue? Find(string? key) =>
        Volatile.Read(ref _small) is { } small ? small.Find(key) : key is null ? null : _large!.GetValueOrDefault(key);

    /// <summary>
    /// Finds a scope's state under any spelling of its name the <see cref="ExchangeName"/> rule accepts, or null (a name
    /// the rule refuses holds nothing). The table is keyed by canonical names only, so a name found as given is
    /// canonical: the rule is applied only when that lookup misses.
    /// </summary>
    /// <param name="spelling">A spelling of the scope's name (<c>"NSE"</c>, <c>"nse"</c>, <c>" NSE"</c>); null holds nothing.</param>
    /// <returns>Its state, or null when the name is refused or the scope is not held.</returns>
    public TValue? FindSpelled(string? spelling) => Find(spelling) ?? FindCanonical(spelling);

    /// <summary>
    /// The rare half of <see cref="FindSpelled"/>, kept out of line so the lookup as given stays small enough to inline:
    /// the canonical form of a spelling that is not the name as held, looked up unless it is the very string already
    /// looked up.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private TValue? FindCanonical(string? spelling) =>
        ExchangeName.TryParse(spelling, out var name) && !ReferenceEquals(name.Value, spelling) ? Find(name.Value) : null;

    /// <summary>Finds a scope's state, creating it the first time the scope is seen (once, even when threads race).</summary>
    /// <typeparam name="TArgument">What the factory needs.</typeparam>
    /// <param name="key">The scope.</param>
    /// <param name="create">Builds the state for a new scope; called under the write lock, so after any removal of the scope's previous state.</param>
    /// <param name="argument">Passed to <paramref name="create"/>.</param>
    /// <returns>The scope's one state.</returns>
    public TValue GetOrAdd<TArgument>(string key, Func<string, TArgument, TValue> create, TArgument argument) =>
        TryGetValue(key, out var found) ? found : Add(key, create, argument);

    /// <summary>
    /// The rare half of <see cref="GetOrAdd"/>, kept out of line: a decision inlines the lookup, and the JIT's inlining
    /// budget for the decision's method is better spent on its hot path than on growing the table.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private TValue Add<TArgument>(string key, Func<string, TArgument, TValue> create, TArgument argument)
    {
        lock (_writeLock)
        {
            if (TryGetValue(key, out var found))
            {
                return found;
            }

            var value = create(key, argument);
            var small = _small;
            if (small is null)
            {
                _large!.TryAdd(key, value);
            }
            else if (small.Count < ScanLimit)
            {
                Volatile.Write(ref _small, small.With(key, value));
            }
            else
            {
                var large = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
                foreach (var (oldKey, oldValue) in small.Entries())
                {
                    large.TryAdd(oldKey, oldValue);
                }

                large.TryAdd(key, value);
                Volatile.Write(ref _large, large);
                Volatile.Write(ref _small, null);
            }

            return value;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on every state held while no scope can be added or removed: a state created after
    /// it returns is created after it, and sees whatever it published.
    /// </summary>
    /// <typeparam name="TArgument">What the body needs.</typeparam>
    /// <param name="body">Called once, under the table's write lock, with the states held.</param>
    /// <param name="argument">Passed to <paramref name="body"/>.</param>
    public void WhileClosed<TArgument>(Action<IEnumerable<TValue>, TArgument> body, TArgument argument)
    {
        lock (_writeLock)
        {
            body(Values, argument);
        }
    }

    /// <summary>
    /// The retire-then-remove protocol every per-exchange table frees idle state with: each scope not in
    /// <paramref name="keep"/> is offered to <paramref name="tryRetire"/>, which marks it retired (under whatever guards
    /// the state, so no writer records in it after) when it is idle; a retired scope is then removed while it still maps
    /// to that state. A writer that finds a retired state moves to a fresh one.
    /// </summary>
    /// <param name="keep">Scopes never freed (the declared exchanges); null offers every scope.</param>
    /// <param name="tryRetire">True when the state is retired (now, or already); false keeps it.</param>
    /// <returns>How many scopes this call removed.</returns>
    public int Reclaim(IReadOnlySet<string>? keep, Func<string, TValue, bool> tryRetire)
    {
        var freed = 0;
        foreach (var (key, value) in Entries)
        {
            if ((keep is null || !keep.Contains(key)) && tryRetire(key, value) && TryRemove(key, value))
            {
                freed++;
            }
        }

        return freed;
    }

    /// <summary>Removes a scope, but only while it still maps to <paramref name="value"/>.</summary>
    /// <param name="key">The scope.</param>
    /// <param name="value">The state the caller found and retired.</param>
    /// <returns>True when this call removed it.</returns>
    public bool TryRemove(string key, TValue value)
    {
        lock (_writeLock)
        {
            var small = _small;
            if (small is null)
            {
                return _large!.TryRemove(KeyValuePair.Create(key, value));
            }

            var without = small.Without(key, value);
            if (ReferenceEquals(without, small))
            {
                return false;
            }

            Volatile.Write(ref _small, without);
            return true;
        }
    }

    /// <summary>Puts <paramref name="replacement"/> in the place of a scope's state, but only while it still maps to <paramref name="value"/>.</summary>
    /// <param name="key">The scope.</param>
    /// <param name="value">The state the caller found and retired.</param>
    /// <param name="replacement">The state that carries on from it.</param>
    /// <returns>True when this call replaced it.</returns>
    public bool TryReplace(string key, TValue value, TValue replacement)
    {
        lock (_writeLock)
        {
            var small = _small;
            if (small is null)
            {
                return _large!.TryUpdate(key, replacement, value);
            }

            var replaced = small.Replacing(key, value, replacement);
            if (ReferenceEquals(replaced, small))
            {
                return false;
            }

            Volatile.Write(ref _small, replaced);
            return true;
        }
    }

    /// <summary>An immutable array of at most <see cref="ScanLimit"/> entries; replaced whole when a scope is added or removed.</summary>
    private sealed class Small
    {
        public static readonly Small Empty = new(Array.Empty<string>(), Array.Empty<TValue>());

        private readonly string[] _keys;
        private readonly TValue[] _values;

        private Small(string[] keys, TValue[] values)
        {
            _keys = keys;
            _values = values;
            Keys = new ReadOnlyCollection<string>(keys);
            Values = new ReadOnlyCollection<TValue>(values);
        }

        public int Count => _keys.Length;

        /// <summary>The keys, behind a wrapper, so a caller cannot cast back to the array the lookups scan.</summary>
        public IReadOnlyCollection<string> Keys { get; }

        public IEnumerable<TValue> Values { get; }

        public IEnumerable<KeyValuePair<string, TValue>> Entries()
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return KeyValuePair.Create(_keys[i], _values[i]);
            }
        }

        /// <summary>The state of <paramref name="key"/> (matching no key when null), or null.</summary>
        public TValue? Find(string? key)
        {
            var keys = _keys;
            for (var i = 0; i < keys.Length; i++)
            {
                if (ReferenceEquals(keys[i], key))
                {
                    return _values[i];
                }
            }

            for (var i = 0; i < keys.Length; i++)
            {
                if (string.Equals(keys[i], key, StringComparison.Ordinal))
                {
                    return _values[i];
                }
            }

            return null;
        }

        public bool TryFind(string key, out TValue value)
        {
            var keys = _keys;
            for (var i = 0; i < keys.Length; i++)
            {
                if (ReferenceEquals(keys[i], key))
                {
                    value = _values[i];
                    return true;
                }
            }

            for (var i = 0; i < keys.Length; i++)
            {
                if (string.Equals(keys[i], key, StringComparison.Ordinal))
                {
                    value = _values[i];
                    return true;
                }
            }

            value = null!;
            return false;
        }

        public Small With(string key, TValue value)
        {
            var keys = new string[_keys.Length + 1];
            var values = new TValue[_values.Length + 1];
            _keys.CopyTo(keys, 0);
            _values.CopyTo(values, 0);
            keys[^1] = key;
            values[^1] = value;
            return new Small(keys, values);
        }

        /// <summary>This array with <paramref name="replacement"/> for the entry, or this array itself when <paramref name="key"/> does not map to <paramref name="value"/>.</summary>
        public Small Replacing(string key, TValue value, TValue replacement)
        {
            var index = IndexOf(key, value);
            if (index < 0)
            {
                return this;
            }

            var values = (TValue[])_values.Clone();
            values[index] = replacement;
            return new Small(_keys, values);
        }

        /// <summary>This array without the entry, or this array itself when <paramref name="key"/> does not map to <paramref name="value"/>.</summary>
        public Small Without(string key, TValue value)
        {
            var index = IndexOf(key, value);
            if (index < 0)
            {
                return this;
            }

            var keys = new string[_keys.Length - 1];
            var values = new TValue[_values.Length - 1];
            Array.Copy(_keys, 0, keys, 0, index);
            Array.Copy(_values, 0, values, 0, index);
            Array.Copy(_keys, index + 1, keys, index, keys.Length - index);
            Array.Copy(_values, index + 1, values, index, values.Length - index);
            return new Small(keys, values);
        }

        /// <summary>Where <paramref name="key"/> maps to <paramref name="value"/> (that instance); -1 when it does not.</summary>
        private int IndexOf(string key, TValue value)
        {
            var index = 0;
            while (index < _values.Length && !ReferenceEquals(_values[index], value))
            {
                index++;
            }

            return index < _values.Length && string.Equals(_keys[index], key, StringComparison.Ordinal) ? index : -1;
        }
    }
}
