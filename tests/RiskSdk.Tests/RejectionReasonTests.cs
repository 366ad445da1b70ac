using System;
using System.IO;
using System.Linq;
using RiskSdk.Gates;
using RiskSdk.Positions;

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
    public void KellyTooLow_refuses_a_small_Kelly_fraction()
    {
        using var rig = new TestRig();

        Assert.Equal(RejectionReason.KellyTooLow, rig.Evaluate(TestRig.Signal(kelly: 0.10)).Reason);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    public void LotsAboveMaximum_refuses_orders_above_max_lots(int lots)
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

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NetDeltaExceeded_refuses_every_order_while_the_reported_net_delta_is_not_a_number_and_says_so(double reported)
    {
        using var rig = new TestRig(new RiskSettings { MaxNetDelta = 100 });
        rig.Context.Exposure.ReportNetDelta(reported);

        var decision = rig.Evaluate(TestRig.Signal(delta: double.IsNegative(reported) ? 1 : -1));

        Assert.Equal(RejectionReason.NetDeltaExceeded, decision.Reason);
        Assert.Equal(reported, decision.Verdict.Observed);
        Assert.Contains("net delta reported is", decision.Message, StringComparison.Ordinal);
        Assert.Contains("not a finite number", decision.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);

        rig.Context.Exposure.ReportNetDelta(0);
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void SessionDrawdownStop_refuses_while_the_reported_pnl_is_not_a_number_without_latching(double reported)
    {
        // A NaN P&L once latched the stop for the session ("session P&L NaN reached the drawdown stop"), and an
        // infinite profit passed: neither is a P&L. Unknown refuses entries, says why, and latches nothing.
        using var rig = new TestRig(new RiskSettings { SessionDrawdownStop = 5000 });
        rig.Context.Exposure.ReportSessionPnl(reported);
        rig.Open("P-1");

        var decision = rig.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.SessionDrawdownStop, decision.Reason);
        Assert.Equal(reported, decision.Verdict.Observed);
        Assert.Contains("P&L reported is", decision.Message, StringComparison.Ordinal);
        Assert.Contains("not a finite number", decision.Message, StringComparison.Ordinal);
        Assert.False(rig.Context.Exposure.DrawdownLatched);
        Assert.True(rig.Evaluate(TestRig.Signal(reduces: "P-1")).IsApproved);

        rig.Context.Exposure.ReportSessionPnl(-100);
        rig.Advance(301);
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void SessionDrawdownStop_latches_until_the_session_is_reset()
    {
        using var rig = new TestRig(new RiskSettings { SessionDrawdownStop = 5000 });
        rig.Context.Exposure.ReportSessionPnl(-5000);
        rig.Open("P-1");

        Assert.Equal(RejectionReason.SessionDrawdownStop, rig.Evaluate(TestRig.Signal()).Reason);

        rig.Context.Exposure.ReportSessionPnl(+1000); // a recovery does not unlatch the stop
        Assert.Equal(RejectionReason.SessionDrawdownStop, rig.Evaluate(TestRig.Signal()).Reason);
        Assert.True(rig.Evaluate(TestRig.Signal(reduces: "P-1")).IsApproved);

        rig.Context.ResetSession();
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void OrderRateExceeded_refuses_the_order_past_the_per_second_limit_and_allows_it_a_second_and_a_bucket_later()
    {
        using var rig = new TestRig(new RiskSettings { MaxOrdersPerSecond = 3 });
        rig.Open("P-1");
        for (var i = 0; i < 3; i++)
        {
            Assert.True(rig.Evaluate(TestRig.Signal(reduces: "P-1")).IsApproved);
        }

        var fourth = rig.Evaluate(TestRig.Signal(reduces: "P-1"));
        Assert.Equal(RejectionReason.OrderRateExceeded, fourth.Reason);
        Assert.Equal(3, fourth.Verdict.Observed);
        Assert.Equal(3, fourth.Verdict.Limit);

        rig.Advance(1 + (1.0 / OrderRateLimiter.BucketsPerSecond));
        Assert.True(rig.Evaluate(TestRig.Signal(reduces: "P-1")).IsApproved);
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
    public void GateFault_refuses_the_trade_when_a_custom_reserving_gates_admit_throws()
    {
        // The reserving gate's Admit ran outside any try: its exception escaped Evaluate, unlogged and uncounted.
        using var rig = new TestRig();
        var pipeline = new RiskPipeline(rig.Context, Array.Empty<IRiskGate>(), new AdmitThrowingGate());

        var decision = pipeline.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Equal(AdmitThrowingGate.GateName, decision.Gate);
        Assert.Contains("InvalidOperationException: venue lost", decision.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void GateFault_refuses_a_gate_that_returns_the_empty_verdict_and_takes_nothing()
    {
        // default(GateVerdict) has the reason None, so it passed: a gate that returned before deciding let every trade through.
        using var rig = new TestRig();
        var pipeline = new RiskPipeline(rig.Context, new IRiskGate[] { new UndecidedGate() }, new PositionLimitGate(rig.Context));

        var decision = pipeline.Evaluate(TestRig.Signal());

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Equal("(unnamed gate)", decision.Gate);
        Assert.Contains("empty verdict (default GateVerdict)", decision.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
        Assert.False(default(GateVerdict).IsPassed);
        Assert.Contains("empty verdict", default(GateVerdict).ToString(), StringComparison.Ordinal);
        Assert.False(pipeline.Explain(TestRig.Signal())[1].IsPassed);
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
    public void InvalidExchange_refuses_a_name_with_an_invisible_character_and_takes_nothing()
    {
        using var rig = new TestRig();

        var decision = rig.Evaluate(TestRig.Signal(exchange: "N\u200BSE"));

        Assert.Equal(RejectionReason.InvalidExchange, decision.Reason);
        Assert.Equal(IntentGate.GateName, decision.Gate);
        Assert.Equal("Intent: exchange name \"N\\u200BSE\" contains the invisible format character U+200B; the trade is refused", decision.Message);
        Assert.Equal("(invalid)", decision.Exchange);
        Assert.Empty(rig.Book.Scopes);
    }

    [Fact]
    public void UnknownExchange_refuses_an_exchange_that_is_not_declared()
    {
        using var rig = new TestRig(new RiskSettings { Exchanges = "NSE,BSE" });

        var decision = rig.Evaluate(TestRig.Signal(exchange: "lse"));

        Assert.Equal(RejectionReason.UnknownExchange, decision.Reason);
        Assert.Equal("LSE", decision.Exchange);
        Assert.Equal("Intent: exchange \"LSE\" is not one of the 2 declared exchanges", decision.Message);
        Assert.True(rig.Evaluate(TestRig.Signal(exchange: " bse")).IsApproved);
    }

    [Fact]
    public void InvalidIntent_names_the_field_and_its_value()
    {
        using var rig = new TestRig();

        var decision = rig.Evaluate(TestRig.Signal(confidence: 1.5));

        Assert.Equal(RejectionReason.InvalidIntent, decision.Reason);
        Assert.Equal(nameof(TradeIntent.Confidence), decision.Verdict.Detail);
        Assert.Equal(1.5, decision.Verdict.Observed);
        Assert.Equal("Intent: Confidence 1.5 must be a finite number from 0 to 1; the trade is refused", decision.Message);
    }

    [Fact]
    public void NoPositionToReduce_refuses_an_exit_naming_a_position_the_book_does_not_hold()
    {
        using var rig = new TestRig();
        rig.Context.Switch.Halt("test");

        var decision = rig.Evaluate(TestRig.Signal(reduces: "P-404"));

        Assert.Equal(RejectionReason.NoPositionToReduce, decision.Reason);
        Assert.Equal("P-404", decision.Verdict.Detail);
        Assert.Contains("\"P-404\", which the book does not hold open", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalPositionLimitReached_names_the_account_wide_count_and_cap()
    {
        using var rig = new TestRig(new RiskSettings { MaxOpenPositionsTotal = 2 });
        rig.EvaluateAndFill(TestRig.Signal(exchange: "NSE"), "P1");
        rig.EvaluateAndFill(TestRig.Signal(exchange: "BSE"), "P2");

        var decision = rig.Evaluate(TestRig.Signal(exchange: "MCX"));

        Assert.Equal(RejectionReason.TotalPositionLimitReached, decision.Reason);
        Assert.Equal(PositionLimitGate.GateName, decision.Gate);
        Assert.Equal("PositionLimit: 2 open or pending positions across every exchange, 2 allowed in total", decision.Message);
        Assert.Equal(new ScopeCounts(0, 0), rig.Book.GetCounts("MCX"));
    }

    [Fact]
    public void Every_reason_reads_as_a_sentence_with_its_figures()
    {
        var expected = new (RejectionReason Reason, GateVerdict Verdict, string Message)[]
        {
            (RejectionReason.TradingHalted, GateVerdict.Reject("KillSwitch", RejectionReason.TradingHalted, 2, 0), "KillSwitch: trading is Halted; only orders that reduce exposure pass"),
            (RejectionReason.ConfidenceTooLow, GateVerdict.Reject("MinConfidence", RejectionReason.ConfidenceTooLow, 0.62, 0.7), "MinConfidence: confidence 0.62 is below the minimum 0.7"),
            (RejectionReason.KellyTooLow, GateVerdict.Reject("MinKelly", RejectionReason.KellyTooLow, 0.1, 0.15), "MinKelly: Kelly fraction 0.1 is below the minimum 0.15"),
            (RejectionReason.LotsAboveMaximum, GateVerdict.Reject("MaxLots", RejectionReason.LotsAboveMaximum, 5, 4), "MaxLots: 5 lots is outside 1 to 4 lots per order"),
            (RejectionReason.NetDeltaExceeded, GateVerdict.Reject("NetDelta", RejectionReason.NetDeltaExceeded, 110, 100), "NetDelta: net delta after the order would be 110, beyond the cap of 100"),
            (RejectionReason.SessionDrawdownStop, GateVerdict.Reject("SessionDrawdown", RejectionReason.SessionDrawdownStop, -5000, 5000), "SessionDrawdown: session P&L -5000 reached the drawdown stop of -5000; new positions wait for a session reset"),
            (RejectionReason.OrderRateExceeded, GateVerdict.Reject("OrderRate", RejectionReason.OrderRateExceeded, 10, 10), "OrderRate: 10 orders in the last second reached the limit of 10 per second"),
            (RejectionReason.CooldownActive, GateVerdict.Reject("Cooldown", RejectionReason.CooldownActive, 12.5, 30), "Cooldown: 12.5 s since the last trade, the cooldown in force is 30 s"),
            (RejectionReason.PositionLimitReached, GateVerdict.Reject("PositionLimit", RejectionReason.PositionLimitReached, 2, 2), "PositionLimit: 2 open or pending positions, 2 allowed"),
            (RejectionReason.GateFault, GateVerdict.Fault("Feed", new InvalidOperationException("lost")), "Feed: the gate failed; the trade is refused (InvalidOperationException: lost)"),
            (RejectionReason.LedgerUnavailable, GateVerdict.Reject("PositionLimit", RejectionReason.LedgerUnavailable, 0, 2), "PositionLimit: the position ledger could not be reached or did not answer in time (0 positions seen, cap 2); the trade is refused"),
            (RejectionReason.CustomGate, GateVerdict.Reject("Auction", RejectionReason.CustomGate, 0, 0, "opening auction"), "Auction: refused (opening auction)"),
            (RejectionReason.InvalidExchange, GateVerdict.Reject("Intent", RejectionReason.InvalidExchange, 5, 0, "NSE\0"), "Intent: exchange name \"NSE\\u0000\" contains the control character U+0000; the trade is refused"),
            (RejectionReason.UnknownExchange, GateVerdict.Reject("Intent", RejectionReason.UnknownExchange, 0, 2, "LSE"), "Intent: exchange \"LSE\" is not one of the 2 declared exchanges"),
            (RejectionReason.InvalidIntent, GateVerdict.Reject("Intent", RejectionReason.InvalidIntent, double.PositiveInfinity, 0, "KellyFraction"), "Intent: KellyFraction Infinity must be a finite number from 0 to 1; the trade is refused"),
            (RejectionReason.NoPositionToReduce, GateVerdict.Reject("Intent", RejectionReason.NoPositionToReduce, 0, 0, "P-9"), "Intent: the exit names position \"P-9\", which the book does not hold open on this exchange; an exit must reduce an open position"),
            (RejectionReason.TotalPositionLimitReached, GateVerdict.Reject("PositionLimit", RejectionReason.TotalPositionLimitReached, 5, 5), "PositionLimit: 5 open or pending positions across every exchange, 5 allowed in total"),
        };

        Assert.Equal(Enum.GetValues<RejectionReason>().Where(r => r != RejectionReason.None).Order(), expected.Select(e => e.Reason).Order());
        foreach (var (reason, verdict, message) in expected)
        {
            Assert.Equal(reason, verdict.Reason);
            Assert.Equal(message, verdict.Message);
        }
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

    private sealed class UndecidedGate : IRiskGate
    {
        public string Name => "Undecided";

        public GateVerdict Check(in TradeIntent intent) => default;
    }

    private sealed class OpeningAuctionGate : IRiskGate
    {
        public string Name => "OpeningAuction";

        public GateVerdict Check(in TradeIntent intent) =>
            GateVerdict.Reject(Name, RejectionReason.CustomGate, 0, 0, "no new position in the first five minutes");
    }

    /// <summary>A custom reserving gate whose check passes and whose admission throws.</summary>
    private sealed class AdmitThrowingGate : IReservingGate
    {
        public const string GateName = "VenueSlots";

        public string Name => GateName;

        public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(GateName);

        public RiskDecision Admit(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting) =>
            throw new InvalidOperationException("venue lost");
    }
}
