using System;
using System.Collections.Generic;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Generators.Tests.Configuration;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>What the generated members do beyond deciding like the reference: wiring, constructor checks, faults, order.</summary>
public sealed class GeneratedPipelineBehaviourTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 45, 0, TimeSpan.Zero);

    private static TradeIntent Signal(double confidence = 0.8, int lots = 2) =>
        new() { Exchange = "NSE", Confidence = confidence, KellyFraction = 0.2, Lots = lots, Delta = 0.5 };

    [Fact]
    public void Generated_settings_wire_into_a_generated_pipeline_in_one_line()
    {
        var result = TrackerSettings.Bind(new Dictionary<string, string?> { ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1" });
        Assert.True(result.TryGetSettings(out var settings));

        using var context = new RiskContext(settings.ToRiskSettings(), timeProvider: new FakeTimeProvider(Start));
        var pipeline = new DefaultOrderPipeline(context);

        Assert.Same(context, pipeline.Context);
        Assert.True(pipeline.Evaluate(Signal()).IsApproved);
        var verdicts = pipeline.Explain(Signal());
        Assert.Equal(RejectionReason.PositionLimitReached, verdicts[^1].Reason);
        Assert.Equal(1, verdicts[^1].Limit);
    }

    [Fact]
    public void The_constructor_refuses_a_null_context_or_a_null_supplied_gate()
    {
        using var context = new RiskContext(new RiskSettings());

        Assert.Equal("context", Assert.Throws<ArgumentNullException>(() => new DefaultOrderPipeline(null!)).ParamName);
        Assert.Equal("blockedSymbol", Assert.Throws<ArgumentNullException>(() => new MixedPipeline(context, null!)).ParamName);
    }

    [Fact]
    public void An_intent_without_an_exchange_is_refused_as_an_invalid_exchange()
    {
        using var context = new RiskContext(new RiskSettings(), timeProvider: new FakeTimeProvider(Start));
        var intent = Signal() with { Exchange = null! };

        var decision = new DefaultOrderPipeline(context).Evaluate(in intent);

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.InvalidExchange, decision.Reason);
        Assert.Equal("Intent", decision.Gate);
    }

    [Fact]
    public void Spellings_of_one_exchange_share_one_cap_through_the_generated_pipeline()
    {
        using var context = new RiskContext(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero }, timeProvider: new FakeTimeProvider(Start));
        var pipeline = new DefaultOrderPipeline(context);

        var approved = 0;
        foreach (var exchange in new[] { "NSE", "nse", " NSE", "NSE\t", "\uFF2E\uFF33\uFF25" })
        {
            var decision = pipeline.Evaluate(Signal() with { Exchange = exchange });
            approved += decision.IsApproved ? 1 : 0;
        }

        Assert.Equal(2, approved);
        Assert.Equal(new[] { "NSE" }, context.Book.Scopes);
        Assert.Equal(RejectionReason.InvalidIntent, pipeline.Evaluate(Signal(confidence: 1.5)).Reason);
        Assert.Equal(RejectionReason.NoPositionToReduce, pipeline.Evaluate(Signal() with { Exchange = "BSE", ReducesPosition = "P1" }).Reason);
    }

    [Fact]
    public void An_intent_spelled_otherwise_is_decided_and_refused_under_its_canonical_name()
    {
        using var context = new RiskContext(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero }, timeProvider: new FakeTimeProvider(Start));
        var pipeline = new DefaultOrderPipeline(context);

        // Refused by a declared gate after the intent check accepted the name.
        var lowConfidence = pipeline.Evaluate(Signal(confidence: 0.3) with { Exchange = " nse" });
        Assert.Equal(RejectionReason.ConfidenceTooLow, lowConfidence.Reason);
        Assert.Equal("NSE", lowConfidence.Exchange);
        Assert.Equal(0.3, lowConfidence.Verdict.Observed);

        // Refused by the intent check itself: under the canonical name, or (invalid) when the name is refused.
        var outOfRange = pipeline.Evaluate(Signal(confidence: 1.5) with { Exchange = "nse" });
        Assert.Equal(RejectionReason.InvalidIntent, outOfRange.Reason);
        Assert.Equal("NSE", outOfRange.Exchange);
        var badName = pipeline.Evaluate(Signal() with { Exchange = "n\u200Bse" });
        Assert.Equal(RejectionReason.InvalidExchange, badName.Reason);
        Assert.Equal("(invalid)", badName.Exchange);

        // Approved under the canonical name, the slot taken there.
        var approved = pipeline.Evaluate(Signal() with { Exchange = "Nse\t" });
        Assert.True(approved.IsApproved);
        Assert.Equal("NSE", approved.Exchange);
        Assert.Equal("NSE", approved.Reservation.Scope);
        Assert.Equal(1, context.Book.GetCounts("NSE").Pending);
        Assert.Equal(new[] { "NSE" }, context.Book.Scopes);
    }

    [Fact]
    public void An_exception_in_the_intent_check_refuses_the_trade_as_the_intent_checks_fault()
    {
        var book = new RiskSdk.Tests.Shared.SharedStateBook();
        using var context = new RiskContext(new RiskSettings(), book, new FakeTimeProvider(Start));
        var pipeline = new DefaultOrderPipeline(context);
        book.Failure = new InvalidOperationException("the ledger client broke");

        foreach (var exchange in new[] { "NSE", " nse" })
        {
            var decision = pipeline.Evaluate(Signal() with { Exchange = exchange });

            Assert.Equal(RejectionReason.GateFault, decision.Reason);
            Assert.Equal("Intent", decision.Gate);
            Assert.Contains("the ledger client broke", decision.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, book.GetCounts("NSE").Total);
        book.Failure = null;
        Assert.True(pipeline.Evaluate(Signal()).IsApproved);
    }

    [Fact]
    public void A_throwing_gate_refuses_the_trade_and_takes_no_slot()
    {
        using var context = new RiskContext(new RiskSettings(), timeProvider: new FakeTimeProvider(Start));
        var pipeline = new MixedPipeline(context, new BlockedSymbolGate("BANKNIFTY"));

        var decision = pipeline.Evaluate(Signal(lots: 3));

        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Equal(ThreeLotsFaultGate.GateName, decision.Gate);
        Assert.Contains("three lots are unlucky", decision.Message, StringComparison.Ordinal);
        Assert.Equal(0, context.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void A_gate_that_returns_the_empty_verdict_refuses_the_trade_and_takes_no_slot()
    {
        using var context = new RiskContext(new RiskSettings(), timeProvider: new FakeTimeProvider(Start));
        var pipeline = new UndecidedGatePipeline(context);

        var decision = pipeline.Evaluate(Signal());

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Contains("empty verdict (default GateVerdict)", decision.Message, StringComparison.Ordinal);
        Assert.Equal(0, context.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void Explain_lists_every_gate_in_declared_order_and_reserves_nothing()
    {
        using var context = new RiskContext(new RiskSettings(), timeProvider: new FakeTimeProvider(Start));
        var pipeline = new MixedPipeline(context, new BlockedSymbolGate("BANKNIFTY"));

        var verdicts = pipeline.Explain(Signal(confidence: 0.3, lots: 3) with { Symbol = "BANKNIFTY" });

        Assert.Equal(
            new[] { "Intent", "KillSwitch", "MinConfidence", ThreeLotsFaultGate.GateName, "DeltaFloor", "HighVolatilityLots", "BlockedSymbol", "OrderRate", "Cooldown", "PositionLimit" },
            System.Linq.Enumerable.Select(verdicts, v => v.Gate));
        Assert.True(verdicts[0].IsPassed);
        Assert.Equal(RejectionReason.ConfidenceTooLow, verdicts[2].Reason);
        Assert.Equal(RejectionReason.GateFault, verdicts[3].Reason);
        Assert.Equal(RejectionReason.CustomGate, verdicts[6].Reason);
        Assert.True(verdicts[9].IsPassed);
        Assert.Equal(0, context.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void A_decision_reads_the_clock_once_for_all_its_gates()
    {
        var clock = new CountingClock(Start);
        var settings = new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero, MaxOpenPositions = 1 };
        using var context = new RiskContext(settings, timeProvider: clock);
        var pipeline = new DefaultOrderPipeline(context);

        Assert.Equal(RejectionReason.ConfidenceTooLow, pipeline.Evaluate(Signal(confidence: 0.3)).Reason);
        Assert.Equal(0, clock.Reads);

        // The gates, the admission and the in-memory book's reservation share one reading.
        var approved = pipeline.Evaluate(Signal());
        Assert.Equal(1, clock.Reads);

        // At a cap of open positions, with no cooldown in force, nothing needs the time: the book answers from its
        // published counts (the fill itself reads the clock, looking for expired reservations).
        Assert.True(approved.Reservation.Commit("P1"));
        var filled = clock.Reads;
        Assert.Equal(RejectionReason.PositionLimitReached, pipeline.Evaluate(Signal()).Reason);
        Assert.Equal(filled, clock.Reads);
    }

    /// <summary>A fake clock that counts its monotonic readings.</summary>
    private sealed class CountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public int Reads { get; private set; }

        public override long GetTimestamp()
        {
            Reads++;
            return base.GetTimestamp();
        }
    }
}
