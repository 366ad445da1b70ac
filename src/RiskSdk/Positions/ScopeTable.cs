using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Threading;

namespace RiskSdk.Positions;

/// <summary>
/// Per-scope state (one entry per exchange) read on every decision without a lock or a hash. A trading process
/// knows a handful of exchanges, so the entries live in one copy-on-write array scanned in order: a key that is the
/// same string instance as the stored one (a literal, a cached name) matches on the first comparison, any other
/// equal string by ordinal comparison. Past <see cref="ScanLimit"/> entries a dictionary snapshot takes over, so
/// lookups stay constant-time for callers that scope by symbol or account. Adding is rare and takes a lock.
/// </summary>
/// <typeparam name="TValue">The state kept per scope; created once per scope and never replaced.</typeparam>
internal sealed class ScopeTable<TValue>
    where TValue : class
{
    /// <summary>The most entries searched by scanning; beyond it lookups go through a dictionary snapshot.</summary>
    internal const int ScanLimit = 8;

    private readonly object _addLock = new();
    private Snapshot _snapshot = Snapshot.Empty;

    /// <summary>The scopes seen, in the order they were added.</summary>
    public IReadOnlyCollection<string> Keys => Volatile.Read(ref _snapshot).Keys;

    /// <summary>The states, in the order their scopes were added.</summary>
    public IEnumerable<TValue> Values => Volatile.Read(ref _snapshot).Values;

    /// <summary>Finds a scope's state.</summary>
    /// <param name="key">The scope.</param>
    /// <param name="value">Its state, when it has one.</param>
    /// <returns>True when the scope has been added.</returns>
    public bool TryGetValue(string key, out TValue value) => Volatile.Read(ref _snapshot).TryFind(key, out value);

    /// <summary>Finds a scope's state, creating it the first time the scope is seen (once, even when threads race).</summary>
    /// <typeparam name="TArgument">What the factory needs.</typeparam>
    /// <param name="key">The scope.</param>
    /// <param name="create">Builds the state for a new scope.</param>
    /// <param name="argument">Passed to <paramref name="create"/>.</param>
    /// <returns>The scope's one state.</returns>
    public TValue GetOrAdd<TArgument>(string key, Func<string, TArgument, TValue> create, TArgument argument)
    {
        if (Volatile.Read(ref _snapshot).TryFind(key, out var found))
        {
            return found;
        }

        lock (_addLock)
        {
            var snapshot = _snapshot;
            if (snapshot.TryFind(key, out found))
            {
                return found;
            }

            var value = create(key, argument);
            Volatile.Write(ref _snapshot, snapshot.With(key, value));
            return value;
        }
    }

    /// <summary>An immutable view of every entry; replaced whole when a scope is added.</summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(Array.Empty<string>(), Array.Empty<TValue>(), null);

        private readonly string[] _keys;
        private readonly TValue[] _values;
        private readonly Dictionary<string, TValue>? _index;

        private Snapshot(string[] keys, TValue[] values, Dictionary<string, TValue>? index)
        {
            _keys = keys;
            _values = values;
            _index = index;
            Keys = new ReadOnlyCollection<string>(keys);
            Values = new ReadOnlyCollection<TValue>(values);
        }

        /// <summary>The keys, behind a wrapper, so a caller cannot cast back to the array the lookups scan.</summary>
        public IReadOnlyCollection<string> Keys { get; }

        public IEnumerable<TValue> Values { get; }

        public bool TryFind(string key, out TValue value)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(key, out value!);
            }

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

        public Snapshot With(string key, TValue value)
        {
            var keys = new string[_keys.Length + 1];
            var values = new TValue[_values.Length + 1];
            _keys.CopyTo(keys, 0);
            _values.CopyTo(values, 0);
            keys[^1] = key;
            values[^1] = value;
            Dictionary<string, TValue>? index = null;
            if (keys.Length > ScanLimit)
            {
                index = new Dictionary<string, TValue>(keys.Length, StringComparer.Ordinal);
                for (var i = 0; i < keys.Length; i++)
                {
                    index.Add(keys[i], values[i]);
                }
            }

            return new Snapshot(keys, values, index);
        }
    }
}
