using System;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>Deciding through a generated pipeline allocates nothing, approved or rejected, with logging off.</summary>
public sealed class PipelineAllocationTests
{
    private const int Decisions = 10_000;

    private static readonly RiskSettings Unthrottled = PipelineSignals.Unthrottled;

    private static RiskContext NewContext(RiskSettings settings) =>
        new(settings, timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 45, 0, TimeSpan.Zero)), logger: NullLogger.Instance);

    private static TradeIntent Signal(double confidence) => PipelineSignals.Signal(confidence);

    [Fact]
    public void Approved_decisions_allocate_nothing()
    {
        using var context = NewContext(Unthrottled);
        var pipeline = new DefaultOrderPipeline(context);
        var intent = Signal(0.8);

        var bytes = ApprovalAllocation.Measure(pipeline, in intent, out var approved);

        Assert.Equal(ApprovalAllocation.Decisions, approved);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Rejected_decisions_allocate_nothing_whichever_gate_refuses()
    {
        using var context = NewContext(Unthrottled with { MaxOpenPositions = 0 });
        var pipeline = new MixedPipeline(context, new BlockedSymbolGate("BANKNIFTY"));
        var lowConfidence = Signal(0.3);
        var atCap = Signal(0.8);
        var custom = Signal(0.8) with { Delta = -3 };
        var rejected = 0;

        for (var i = 0; i < 100; i++)
        {
            pipeline.Evaluate(in lowConfidence);
            pipeline.Evaluate(in atCap);
            pipeline.Evaluate(in custom);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Decisions; i++)
        {
            rejected += pipeline.Evaluate(in lowConfidence).IsApproved ? 0 : 1;
            rejected += pipeline.Evaluate(in atCap).Reason == RejectionReason.PositionLimitReached ? 1 : 0;
            rejected += pipeline.Evaluate(in custom).Reason == RejectionReason.CustomGate ? 1 : 0;
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(3 * Decisions, rejected);
        Assert.Equal(0, bytes);
    }
}
