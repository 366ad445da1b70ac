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
    private FlowState(bool guarded, Dictionary<object, GuardFacts> facts, HashSet<IInvocationOperation> ignored)
    {
        Guarded = guarded;
        Facts = facts;
        Ignored = ignored;
    }

    /// <summary>False after a call that does not return: nothing after it runs.</summary>
    public bool Reachable { get; set; } = true;

    public bool Guarded { get; set; }

    /// <summary>Facts by <see cref="ILocalSymbol"/> or <see cref="CaptureId"/>.</summary>
    public Dictionary<object, GuardFacts> Facts { get; }

    /// <summary>Checks whose result was dropped on some path to here.</summary>
    public HashSet<IInvocationOperation> Ignored { get; }

    public static FlowState Start(bool guarded) => new(guarded, new Dictionary<object, GuardFacts>(FactKeyComparer.Instance), new HashSet<IInvocationOperation>());

    public FlowState Clone() => new(Guarded, new Dictionary<object, GuardFacts>(Facts, FactKeyComparer.Instance), new HashSet<IInvocationOperation>(Ignored)) { Reachable = Reachable };

    public GuardFacts Lookup(object key) => Facts.TryGetValue(key, out var facts) ? facts : GuardFacts.None;

    /// <summary>Records what <paramref name="key"/> now holds; on a guarded path every property proves approval.</summary>
    public void Store(object key, GuardFacts facts)
    {
        facts |= Guarded ? GuardFacts.All : GuardFacts.None;
        if (facts == GuardFacts.None)
        {
            Facts.Remove(key);
        }
        else
        {
            Facts[key] = facts;
        }
    }

    /// <summary>Joins <paramref name="incoming"/> into this state; true when this state changed.</summary>
    public bool JoinWith(FlowState incoming)
    {
        var changed = false;
        if (Guarded && !incoming.Guarded)
        {
            Guarded = false;
            changed = true;
        }

        List<KeyValuePair<object, GuardFacts>>? updates = null;
        foreach (var pair in Facts)
        {
            var joined = pair.Value & incoming.Lookup(pair.Key);
            if (joined != pair.Value)
            {
                (updates ??= new()).Add(new(pair.Key, joined));
            }
        }

        if (updates is not null)
        {
            changed = true;
            foreach (var update in updates)
            {
                if (update.Value == GuardFacts.None)
                {
                    Facts.Remove(update.Key);
                }
                else
                {
                    Facts[update.Key] = update.Value;
                }
            }
        }

        foreach (var check in incoming.Ignored)
        {
            changed |= Ignored.Add(check);
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
