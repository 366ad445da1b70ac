using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>
/// Maps the first block of each try region to the first blocks of its catch, filter and finally regions, which the
/// graph enters by exception rather than by an edge: they start from the state before the try.
/// </summary>
internal static class HandlerEntries
{
    public static Dictionary<int, List<int>> Of(ControlFlowGraph graph)
    {
        var map = new Dictionary<int, List<int>>();
        Visit(graph.Root, map);
        return map;
    }

    private static void Visit(ControlFlowRegion region, Dictionary<int, List<int>> map)
    {
        if (region.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally && region.NestedRegions.Length > 1)
        {
            var tryStart = region.NestedRegions[0].FirstBlockOrdinal;
            for (var i = 1; i < region.NestedRegions.Length; i++)
            {
                if (!map.TryGetValue(tryStart, out var entries))
                {
                    map[tryStart] = entries = new List<int>();
                }

                entries.Add(region.NestedRegions[i].FirstBlockOrdinal);
            }
        }

        foreach (var nested in region.NestedRegions)
        {
            Visit(nested, map);
        }
    }
}
