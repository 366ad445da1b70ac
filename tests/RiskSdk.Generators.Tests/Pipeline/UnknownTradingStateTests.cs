using System;
using RiskSdk.Gates;
using RiskSdk.Tests.Shared;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>A generated pipeline that lists no kill switch: the confidence check and the position limit.</summary>
[GatePipeline(typeof(MinimumConfidenceGate), typeof(PositionLimitGate))]
public sealed partial class ConfidenceOnlyPipeline;

/// <summary>
/// Generated pipelines refuse every entry while a shared kill switch's state is unknown, whatever gates they list, as
/// <see cref="RiskPipeline"/> does (both run the intent check first); exits pass.
/// </summary>
public sealed class UnknownTradingStateTests
{
    private static readonly RiskSettings NoCooldown = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    private static TradeIntent Signal(string? reduces = null) =>
        new() { Exchange = "NSE", Confidence = 0.8, KellyFraction = 0.2, Lots = 2, Delta = 0.5, ReducesPosition = reduces };

    [Fact]
    public void A_generated_pipeline_without_the_kill_switch_refuses_entries_while_the_shared_trading_state_is_unknown()
    {
        var book = new SharedStateBook();
        using var context = new RiskContext(NoCooldown, book);
        Assert.True(book.TryReserve("NSE", int.MaxValue, int.MaxValue).Reservation.Commit("P1"));
        book.Current = false;
        IRiskPipeline[] pipelines = [new ConfidenceOnlyPipeline(context), new DefaultOrderPipeline(context)];

        foreach (var pipeline in pipelines)
        {
            var refused = pipeline.Evaluate(Signal());
            Assert.Equal(RejectionReason.LedgerUnavailable, refused.Reason);
            Assert.Equal(KillSwitchGate.GateName, refused.Gate);
            Assert.Equal(RejectionReason.LedgerUnavailable, pipeline.Explain(Signal())[0].Reason);
            Assert.True(pipeline.Evaluate(Signal(reduces: "P1")).IsApproved);
        }

        Assert.Equal(new Positions.ScopeCounts(1, 0), book.GetCounts("NSE"));
        book.Current = true;
        var approved = pipelines[0].Evaluate(Signal());
        Assert.True(approved.IsApproved);
        approved.Reservation.Release();
    }
}
