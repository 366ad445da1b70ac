using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>What the reporting pass over one operation block found: unguarded placements, the ignored checks that reached them, and lambdas to analyse next.</summary>
internal sealed class FlowFindings
{
    /// <summary>Placements reached on some path without an approved check (RISK001), whether or not an ignored check came before.</summary>
    public List<(IOperation Call, IMethodSymbol Method)> Unguarded { get; } = new();

    /// <summary>Placements reached only through an approved check (candidates for RISK007 when inside a loop).</summary>
    public List<IInvocationOperation> Guarded { get; } = new();

    /// <summary>Calls that did not bind (an argument of a missing type) but whose candidates include a placement, by syntax.</summary>
    public Dictionary<SyntaxNode, IMethodSymbol> Unresolved { get; } = new();

    /// <summary>Checks whose dropped result was followed by an unguarded placement (RISK002).</summary>
    public HashSet<IInvocationOperation> IgnoredChecks { get; } = new();

    /// <summary>
    /// Lambdas met on reachable paths; each is analysed on its own, unguarded at its start unless it is passed to an
    /// API that runs it before returning (a resilience pipeline, an awaited <c>Task.Run</c>): then with the guard at the call.
    /// </summary>
    public List<(IFlowAnonymousFunctionOperation Lambda, bool StartGuarded)> Lambdas { get; } = new();

    /// <summary>
    /// Records an unguarded placement, and the ignored checks before it as a second, independent finding: suppressing
    /// one rule never hides the other.
    /// </summary>
    public void AddUnguarded(IOperation placement, IMethodSymbol method, IEnumerable<IInvocationOperation> ignoredBefore)
    {
        Unguarded.Add((placement, method));
        IgnoredChecks.UnionWith(ignoredBefore);
    }
}
