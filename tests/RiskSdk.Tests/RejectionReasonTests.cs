using System;
using System.IO;
using System.Linq;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>One test per reason code: each gate refuses for its reason, with the figures that decided it.</summary>
public sealed class RejectionReasonTests
{
    [Fact]
    public void TradingHalted_refuses_new_positions_when_the_kill_switch_is_off()
    {
        using var rig = new TestRig(new RiskSettings { AutoExecEnabled = false });

        var decision = rig.Evaluate(TestRig.Signal());

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.TradingHalted, decision.Reason);
        Assert.Equal(KillSwitchGate.GateName, decision.Gate);
        Assert.Equal((double)TradingState.Halted, decision.Verdict.Observed);
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void ConfidenceTooLow_names_confidence_and_minimum()
    {
        using var rig = new TestRig();

        var decision = rig.Evaluate(TestRig.Signal(confidence: 0.62));

        Assert.Equal(RejectionReason.ConfidenceTooLow, decision.Reason);
        Assert.Equal(0.62, decision.Verdict.Observed);
        Assert.Equal(0.70, decision.Verdict.Limit);
        Assert.Contains("confidence 0.62 is below the minimum 0.7", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfidenceTooLow_refuses_NaN()
    {
        using var rig = new TestRig();

        Assert.Equal(RejectionReason.ConfidenceTooLow, rig.Evaluate(TestRig.Signal(confidence: double.NaN)).Reason);
    }

    [Fact]
    public void KellyTooLow_refuses_a_small_or_NaN_Kelly_fraction()
    {
        using var rig = new TestRig();

        Assert.Equal(RejectionReason.KellyTooLow, rig.Evaluate(TestRig.Signal(kelly: 0.10)).Reason);
        Assert.Equal(RejectionReason.KellyTooLow, rig.Evaluate(TestRig.Signal(kelly: double.NaN)).Reason);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    [InlineData(-1)]
    public void LotsAboveMaximum_refuses_orders_outside_one_to_max_lots(int lots)
    {
        using var rig = new TestRig();

        var decision = rig.Evaluate(TestRig.Signal(lots: lots));

        Assert.Equal(RejectionReason.LotsAboveMaximum, decision.Reason);
        Assert.Equal(4, decision.Verdict.Limit);
    }

    [Fact]
    public void NetDeltaExceeded_refuses_an_order_that_pushes_net_delta_past_the_cap_but_not_one_that_reduces_it()
    {
        using var rig = new TestRig(new RiskSettings { MaxNetDelta = 100 });
        rig.Context.Exposure.ReportNetDelta(90);

        var beyond = rig.Evaluate(TestRig.Signal(delta: 20));
        var towardZero = rig.Evaluate(TestRig.Signal(delta: -20));

        Assert.Equal(RejectionReason.NetDeltaExceeded, beyond.Reason);
        Assert.Equal(110, beyond.Verdict.Observed);
        Assert.Equal(100, beyond.Verdict.Limit);
        Assert.True(towardZero.IsApproved);
    }

    [Fact]
    public void SessionDrawdownStop_latches_until_the_session_is_reset()
    {
        using var rig = new TestRig(new RiskSettings { SessionDrawdownStop = 5000 });
        rig.Context.Exposure.ReportSessionPnl(-5000);

        Assert.Equal(RejectionReason.SessionDrawdownStop, rig.Evaluate(TestRig.Signal()).Reason);

        rig.Context.Exposure.ReportSessionPnl(+1000); // a recovery does not unlatch the stop
        Assert.Equal(RejectionReason.SessionDrawdownStop, rig.Evaluate(TestRig.Signal()).Reason);
        Assert.True(rig.Evaluate(TestRig.Signal(reduces: true)).IsApproved);

        rig.Context.ResetSession();
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void OrderRateExceeded_refuses_the_order_past_the_per_second_limit_and_allows_it_a_second_and_a_bucket_later()
    {
        using var rig = new TestRig(new RiskSettings { MaxOrdersPerSecond = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.True(rig.Evaluate(TestRig.Signal(reduces: true)).IsApproved);
        }

        var fourth = rig.Evaluate(TestRig.Signal(reduces: true));
        Assert.Equal(RejectionReason.OrderRateExceeded, fourth.Reason);
        Assert.Equal(3, fourth.Verdict.Observed);
        Assert.Equal(3, fourth.Verdict.Limit);

        rig.Advance(1 + (1.0 / OrderRateLimiter.BucketsPerSecond));
        Assert.True(rig.Evaluate(TestRig.Signal(reduces: true)).IsApproved);
    }

    [Fact]
    public void CooldownActive_refuses_a_second_trade_inside_the_window()
    {
        using var rig = new TestRig();
        Assert.True(rig.EvaluateAndFill(TestRig.Signal(), "P1").IsApproved);
        rig.Advance(10);

        var decision = rig.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.CooldownActive, decision.Reason);
        Assert.Equal(10, decision.Verdict.Observed, precision: 6);
        Assert.Equal(300, decision.Verdict.Limit);
    }

    [Fact]
    public void PositionLimitReached_names_open_positions_and_the_cap()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero });
        rig.EvaluateAndFill(TestRig.Signal(), "P1");
        rig.EvaluateAndFill(TestRig.Signal(), "P2");

        var decision = rig.Evaluate(TestRig.Signal(confidence: 0.91));

        Assert.Equal(RejectionReason.PositionLimitReached, decision.Reason);
        Assert.Equal(2, decision.Verdict.Observed);
        Assert.Equal(2, decision.Verdict.Limit);
        Assert.Equal("PositionLimit: 2 open or pending positions, 2 allowed", decision.Message);
    }

    [Fact]
    public void GateFault_refuses_the_trade_when_a_gate_throws_and_takes_no_slot()
    {
        using var rig = new TestRig();
        var pipeline = new RiskPipeline(rig.Context, new IRiskGate[] { new ThrowingGate() }, new PositionLimitGate(rig.Context));

        var decision = pipeline.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Equal("Throwing", decision.Gate);
        Assert.Contains("InvalidOperationException: feed lost", decision.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void LedgerUnavailable_refuses_the_trade_when_the_book_cannot_answer()
    {
        using var rig = new TestRig(book: new UnreachableBook());

        var decision = rig.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.LedgerUnavailable, decision.Reason);
        Assert.Equal(PositionLimitGate.GateName, decision.Gate);
    }

    [Fact]
    public void CustomGate_refusal_carries_the_gate_name_and_its_words()
    {
        using var rig = new TestRig();
        var pipeline = new RiskPipeline(rig.Context, new IRiskGate[] { new OpeningAuctionGate() }, new PositionLimitGate(rig.Context));

        var decision = pipeline.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.CustomGate, decision.Reason);
        Assert.Equal("OpeningAuction", decision.Gate);
        Assert.Equal("OpeningAuction: refused (no new position in the first five minutes)", decision.Message);
    }

    [Fact]
    public void Default_decision_is_a_refusal()
    {
        var decision = default(RiskDecision);

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Throws<InvalidOperationException>(() => decision.ToApprovalToken());
    }

    [Fact]
    public void Every_reason_has_a_message_and_is_documented()
    {
        var docs = File.ReadAllText(Path.Combine(RiskSdk.Testing.RepositoryRoot.Path, "docs", "reasons.md"));
        foreach (var reason in Enum.GetValues<RejectionReason>().Where(r => r != RejectionReason.None))
        {
            var message = GateVerdict.Reject("Gate", reason, 1, 2).Message;
            Assert.DoesNotContain("rejected (reason", message, StringComparison.Ordinal);
            Assert.Contains($"`{reason}` ({(int)reason})", docs, StringComparison.Ordinal);
        }
    }

    private sealed class ThrowingGate : IRiskGate
    {
        public string Name => "Throwing";

        public GateVerdict Check(in TradeIntent intent) => throw new InvalidOperationException("feed lost");
    }

    private sealed class OpeningAuctionGate : IRiskGate
    {
        public string Name => "OpeningAuction";

        public GateVerdict Check(in TradeIntent intent) =>
            GateVerdict.Reject(Name, RejectionReason.CustomGate, 0, 0, "no new position in the first five minutes");
    }
}
