using System;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>What a run of approvals through a pipeline allocates: the one measurement the allocation tests share.</summary>
internal static class ApprovalAllocation
{
    /// <summary>Decisions measured; 100 more run first, so tier-up and first-use allocations are not counted.</summary>
    public const int Decisions = 10_000;

    /// <summary>Evaluates <paramref name="intent"/> <see cref="Decisions"/> times, releasing each reservation, and counts the bytes this thread allocated meanwhile.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="intent">The intent, decided again and again.</param>
    /// <param name="approved">How many of the measured decisions approved it.</param>
    /// <returns>The bytes allocated by the measured decisions.</returns>
    public static long Measure(IRiskPipeline pipeline, in TradeIntent intent, out int approved)
    {
        for (var i = 0; i < 100; i++)
        {
            pipeline.Evaluate(in intent).Reservation.Release();
        }

        approved = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Decisions; i++)
        {
            var decision = pipeline.Evaluate(in intent);
            approved += decision.IsApproved ? 1 : 0;
            decision.Reservation.Release();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
