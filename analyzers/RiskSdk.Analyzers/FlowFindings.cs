using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>What the reporting pass over one operation block found: unguarded placements, the ignored checks that reached them, and lambdas to analyse next.</summary>
internal sealed class FlowFindings
{
    /// <summary>Placements reached on some path without an approved check (RISK001), whether or not an ignored check came before.</summary>
    public List<IInvocationOperation> Unguarded { get; } = new();

    /// <summary>Checks whose dropped result was followed by an unguarded placement (RISK002).</summary>
    public HashSet<IInvocationOperation> IgnoredChecks { get; } = new();

    /// <summary>Lambdas met on reachable paths; each is analysed on its own, unguarded at its start.</summary>
    public List<IFlowAnonymousFunctionOperation> Lambdas { get; } = new();

    /// <summary>
    /// Records an unguarded placement, and the ignored checks before it as a second, independent finding: suppressing
    /// one rule never hides the other.
    /// </summary>
    public void AddUnguarded(IInvocationOperation placement, HashSet<IInvocationOperation> ignoredBefore)
    {
        Unguarded.Add(placement);
        IgnoredChecks.UnionWith(ignoredBefore);
    }
}
