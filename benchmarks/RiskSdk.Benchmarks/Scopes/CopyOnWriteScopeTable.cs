using System;
using System.Collections.Generic;
using System.Threading;

namespace RiskSdk.Benchmarks.Scopes;

/// <summary>
/// The first wave's per-scope table, kept as the baseline: one immutable snapshot replaced whole on every add, its
/// arrays copied and, past eight scopes, its dictionary rebuilt from every entry. Creating n scopes copies
/// 1 + 2 + ... + n entries.
/// </summary>
/// <typeparam name="TValue">The state kept per scope.</typeparam>
public sealed class CopyOnWriteScopeTable<TValue>
    where TValue : class
{
    private const int ScanLimit = 8;
    private readonly object _addLock = new();
    private Snapshot _snapshot = Snapshot.Empty;

    /// <summary>How many scopes the table holds.</summary>
    public int Count => Volatile.Read(ref _snapshot).Count;

    /// <summary>Finds a scope's state, creating it the first time the scope is seen.</summary>
    /// <param name="key">The scope.</param>
    /// <param name="create">Builds the state for a new scope.</param>
    /// <returns>The scope's one state.</returns>
    public TValue GetOrAdd(string key, Func<string, TValue> create)
    {
        ArgumentNullException.ThrowIfNull(create);
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

            var value = create(key);
            Volatile.Write(ref _snapshot, snapshot.With(key, value));
            return value;
        }
    }

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
        }

        public int Count => _keys.Length;

        public bool TryFind(string key, out TValue value)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(key, out value!);
            }

            for (var i = 0; i < _keys.Length; i++)
            {
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
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
