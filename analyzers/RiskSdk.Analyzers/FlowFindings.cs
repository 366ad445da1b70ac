using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>What the reporting pass over one operation block found: unguarded placements, the ignored checks that reached them, and lambdas to analyse next.</summary>
internal sealed class FlowFindings
{
    /// <summary>Placements reached on some path without an approved check and without an ignored check before them (RISK001).</summary>
    public List<IInvocationOperation> Unguarded { get; } = new();

    /// <summary>Checks whose dropped result was followed by an unguarded placement (RISK002).</summary>
    public HashSet<IInvocationOperation> IgnoredChecks { get; } = new();

    /// <summary>Lambdas met on reachable paths; each is analysed on its own, unguarded at its start.</summary>
    public List<IFlowAnonymousFunctionOperation> Lambdas { get; } = new();

    /// <summary>Records an unguarded placement: blamed on the ignored checks before it when there are any.</summary>
    public void AddUnguarded(IInvocationOperation placement, HashSet<IInvocationOperation> ignoredBefore)
    {
        if (ignoredBefore.Count == 0)
        {
            Unguarded.Add(placement);
        }
        else
        {
            IgnoredChecks.UnionWith(ignoredBefore);
        }
    }
}
