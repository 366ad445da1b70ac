using System;
using System.Collections.Concurrent;

namespace RiskSdk.Benchmarks.Running;

/// <summary>
/// Runs every row of a suite a few times before the first row is measured. The compile-time suites drive thousands
/// of Roslyn methods per operation, and short mode runs in process with three warm-up iterations: without this, the
/// first row is measured while much of Roslyn is still at tier-0 code, and it came out slower than a later row that
/// does strictly more work.
/// </summary>
public static class JitWarmUp
{
    /// <summary>How many times each row runs before measurement.</summary>
    public const int Rounds = 3;

    private static readonly ConcurrentDictionary<Type, bool> Done = new();

    /// <summary>Runs <paramref name="everyRow"/> <see cref="Rounds"/> times, once per suite and process.</summary>
    /// <param name="suite">The suite instance (its type identifies the suite).</param>
    /// <param name="everyRow">Runs each benchmark of the suite once.</param>
    public static void Once(object suite, Action everyRow)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(everyRow);
        if (!Done.TryAdd(suite.GetType(), true))
        {
            return;
        }

        for (var round = 0; round < Rounds; round++)
        {
            everyRow();
        }
    }
}
