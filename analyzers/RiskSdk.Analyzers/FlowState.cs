using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// The dataflow value at one program point: whether every path here passed an approved check, what locals and flow
/// captures say about the guard, and which ignored checks may have been passed. Joined by intersection (guard,
/// facts) and union (ignored checks).
/// </summary>
internal sealed class FlowState
{
    // Both collections are made on first write: most states of most methods hold no fact and no ignored check, and
    // the solver clones a state on every edge.
    private Dictionary<object, GuardFacts>? _facts;
    private HashSet<IInvocationOperation>? _ignored;

    private FlowState(bool guarded, Dictionary<object, GuardFacts>? facts, HashSet<IInvocationOperation>? ignored)
    {
        Guarded = guarded;
        _facts = facts;
        _ignored = ignored;
    }

    /// <summary>False after a call that does not return: nothing after it runs.</summary>
    public bool Reachable { get; set; } = true;

    public bool Guarded { get; set; }

    /// <summary>Checks whose result was dropped on some path to here.</summary>
    public IEnumerable<IInvocationOperation> Ignored => _ignored ?? (IEnumerable<IInvocationOperation>)[];

    public static FlowState Start(bool guarded) => new(guarded, facts: null, ignored: null);

    public FlowState Clone() => new(
        Guarded,
        _facts is { Count: > 0 } ? new Dictionary<object, GuardFacts>(_facts, FactKeyComparer.Instance) : null,
        _ignored is { Count: > 0 } ? new HashSet<IInvocationOperation>(_ignored) : null) { Reachable = Reachable };

    /// <summary>What <paramref name="key"/> (an <see cref="ILocalSymbol"/> or a <see cref="CaptureId"/>) says about the guard.</summary>
    public GuardFacts Lookup(object key) => _facts is not null && _facts.TryGetValue(key, out var facts) ? facts : GuardFacts.None;

    /// <summary>Records what <paramref name="key"/> now holds; on a guarded path every property proves approval.</summary>
    public void Store(object key, GuardFacts facts)
    {
        facts |= Guarded ? GuardFacts.All : GuardFacts.None;
        if (facts == GuardFacts.None)
        {
            _facts?.Remove(key);
        }
        else
        {
            (_facts ??= new Dictionary<object, GuardFacts>(FactKeyComparer.Instance))[key] = facts;
        }
    }

    /// <summary>Forgets what <paramref name="key"/> said (it was written in a way the analysis does not follow).</summary>
    public void Forget(object key) => _facts?.Remove(key);

    /// <summary>Remembers a check whose result was dropped on this path.</summary>
    public void AddIgnored(IInvocationOperation check) => (_ignored ??= new HashSet<IInvocationOperation>()).Add(check);

    /// <summary>Joins <paramref name="incoming"/> into this state; true when this state changed.</summary>
    public bool JoinWith(FlowState incoming)
    {
        var changed = false;
        if (Guarded && !incoming.Guarded)
        {
            Guarded = false;
            changed = true;
        }

        if (_facts is { Count: > 0 } facts)
        {
            List<KeyValuePair<object, GuardFacts>>? updates = null;
            foreach (var pair in facts)
            {
                var joined = pair.Value & incoming.Lookup(pair.Key);
                if (joined != pair.Value)
                {
                    (updates ??= new()).Add(new(pair.Key, joined));
                }
            }

            foreach (var update in updates ?? [])
            {
                changed = true;
                if (update.Value == GuardFacts.None)
                {
                    facts.Remove(update.Key);
                }
                else
                {
                    facts[update.Key] = update.Value;
                }
            }
        }

        if (incoming._ignored is { Count: > 0 } incomingIgnored)
        {
            _ignored ??= new HashSet<IInvocationOperation>();
            foreach (var check in incomingIgnored)
            {
                changed |= _ignored.Add(check);
            }
        }

        return changed;
    }

    /// <summary>Compares locals by symbol equality and flow captures by id.</summary>
    private sealed class FactKeyComparer : IEqualityComparer<object>
    {
        public static readonly FactKeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol left && y is ISymbol right ? SymbolEqualityComparer.Default.Equals(left, right) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
