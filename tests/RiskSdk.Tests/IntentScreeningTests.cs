using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RiskSdk.Gates;
using RiskSdk.Monitoring;
using RiskSdk.Positions;
using RiskSdk.Tests.Monitoring;

namespace RiskSdk.Tests;

/// <summary>
/// Inputs that cannot bypass a cap: spellings of one exchange, unusable names, model outputs out of range, undeclared
/// exchanges and unverified exits are each refused with a reason, without an exception and without taking anything.
/// </summary>
public sealed class IntentScreeningTests
{
    private static readonly RiskSettings NoCooldown = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [Fact]
    public void Spellings_of_one_exchange_share_one_cap()
    {
        using var rig = new TestRig(NoCooldown);
        var spellings = new[] { "NSE", "nse", "NSE ", " NSE", "NSE\t", "\uFF2E\uFF33\uFF25", "Nse", "\u00A0nse" };

        var approved = 0;
        for (var i = 0; i < spellings.Length; i++)
        {
            var decision = rig.EvaluateAndFill(TestRig.Signal(exchange: spellings[i]), "P" + i);
            approved += decision.IsApproved ? 1 : 0;
            Assert.Equal("NSE", decision.Exchange);
        }

        Assert.Equal(2, approved);
        Assert.Equal(new[] { "NSE" }, rig.Book.Scopes);
        Assert.Equal(new ScopeCounts(2, 0), rig.Book.GetCounts("nse"));
    }

    [Fact]
    public void Spellings_of_one_exchange_share_one_cooldown_and_one_order_rate()
    {
        using var rig = new TestRig(new RiskSettings { MaxOrdersPerSecond = 2, SignalCooldown = TimeSpan.FromSeconds(30) });

        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "NSE")).IsApproved);
        Assert.Equal(RejectionReason.CooldownActive, rig.Evaluate(TestRig.Signal(exchange: "nse")).Reason);
        Assert.NotNull(rig.Context.Cooldowns.SinceLastTrade(" nse "));

        rig.Open("P1");
        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "Nse", reduces: "P1")).IsApproved);
        Assert.Equal(RejectionReason.OrderRateExceeded, rig.Evaluate(TestRig.Signal(exchange: "nse\t", reduces: "P1")).Reason);
        Assert.Equal(2, rig.Context.OrderRate.CountLastSecond("NSE"));
    }

    [Theory]
    [InlineData("N\u200BSE")]
    [InlineData("NSE\0")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void An_unusable_exchange_name_is_refused_without_an_exception_or_a_slot(string exchange)
    {
        using var rig = new TestRig(NoCooldown);

        var decision = rig.Evaluate(TestRig.Signal(exchange: exchange));

        Assert.Equal(RejectionReason.InvalidExchange, decision.Reason);
        Assert.False(decision.Reservation.HoldsSlot);
        Assert.Empty(rig.Book.Scopes);
        Assert.Equal(new ScopeCounts(0, 0), rig.Book.GetTotalCounts());
    }

    [Fact]
    public void An_intent_without_an_exchange_is_refused_as_an_invalid_exchange()
    {
        using var rig = new TestRig();

        var decision = rig.Evaluate(new TradeIntent { Exchange = null!, Confidence = 0.8, KellyFraction = 0.2, Lots = 1 });

        Assert.Equal(RejectionReason.InvalidExchange, decision.Reason);
        Assert.Contains("missing", decision.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, TradeIntent> OutOfRangeModelOutputs => new()
    {
        { "Confidence", TestRig.Signal(confidence: 1.5) },
        { "Confidence", TestRig.Signal(confidence: double.PositiveInfinity) },
        { "Confidence", TestRig.Signal(confidence: 1e308) },
        { "Confidence", TestRig.Signal(confidence: double.NaN) },
        { "Confidence", TestRig.Signal(confidence: -0.01) },
        { "KellyFraction", TestRig.Signal(kelly: 2.0) },
        { "KellyFraction", TestRig.Signal(kelly: double.PositiveInfinity) },
        { "KellyFraction", TestRig.Signal(kelly: double.NaN) },
        { "KellyFraction", TestRig.Signal(kelly: -1) },
        { "Lots", TestRig.Signal(lots: 0) },
        { "Lots", TestRig.Signal(lots: -3) },
        { "Delta", TestRig.Signal(delta: double.NaN) },
        { "Delta", TestRig.Signal(delta: double.NegativeInfinity) },
        { "Side", TestRig.Signal() with { Side = (TradeSide)7 } },
        { "Regime", TestRig.Signal(regime: (MarketRegime)9) },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeModelOutputs))]
    public void A_model_output_outside_its_range_is_refused_before_a_cap_is_chosen(string field, TradeIntent intent)
    {
        using var rig = new TestRig(NoCooldown);

        var decision = rig.Evaluate(in intent);

        Assert.Equal(RejectionReason.InvalidIntent, decision.Reason);
        Assert.Equal(field, decision.Verdict.Detail);
        Assert.StartsWith("Intent: " + field + " ", decision.Message, StringComparison.Ordinal);
        Assert.Equal(0, decision.Cap.Allowed);
        Assert.Equal(new ScopeCounts(0, 0), rig.Book.GetTotalCounts());
    }

    [Fact]
    public void A_confidence_above_one_does_not_get_the_high_confidence_cap()
    {
        using var rig = new TestRig(NoCooldown);
        rig.EvaluateAndFill(TestRig.Signal(), "P1");
        rig.EvaluateAndFill(TestRig.Signal(), "P2");

        Assert.Equal(RejectionReason.InvalidIntent, rig.Evaluate(TestRig.Signal(confidence: 1.5)).Reason);
        Assert.Equal(RejectionReason.InvalidIntent, rig.Evaluate(TestRig.Signal(confidence: double.PositiveInfinity)).Reason);
        Assert.Equal(2, rig.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void Declared_exchanges_are_reported_from_the_start_and_others_are_refused()
    {
        using var rig = new TestRig(NoCooldown with { Exchanges = "nse, BSE" });

        Assert.Equal(new[] { "NSE", "BSE" }, rig.Context.Exchanges);
        Assert.Equal(RejectionReason.UnknownExchange, rig.Evaluate(TestRig.Signal(exchange: "MCX")).Reason);
        Assert.Empty(rig.Book.Scopes);
        Assert.Equal("BSE", rig.Context.GetStatus("bse").Exchange);

        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "bse")).IsApproved);
        Assert.Equal(new[] { "NSE", "BSE" }, rig.Context.Exchanges);
    }

    [Fact]
    public void Position_series_show_every_declared_exchange_before_its_first_trade()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(new RiskSettings { Exchanges = "NSE,BSE" }, meterFactory: factory);
        using var positions = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.positions");

        positions.RecordObservableInstruments();

        var open = positions.GetMeasurementSnapshot().Where(m => m.Tags[RiskMetrics.PositionStateAttribute] as string == "open").ToList();
        Assert.Equal(new[] { "BSE", "NSE" }, open.Select(m => (string)m.Tags[RiskMetrics.ExchangeAttribute]!).Order(StringComparer.Ordinal));
        Assert.All(open, m => Assert.Equal(0, m.Value));
        Assert.Equal(new[] { "NSE", "BSE" }, context.Monitor.GetSnapshot().Exchanges.Select(e => e.Exchange));
    }

    [Theory]
    [InlineData("NSE,,BSE")]
    [InlineData("NSE,nse")]
    [InlineData("NSE,N\u200BSE")]
    public void An_invalid_list_of_declared_exchanges_is_a_settings_problem(string exchanges)
    {
        var problems = new RiskSettings { Exchanges = exchanges }.Validate();

        Assert.Contains(problems, p => p.Setting == nameof(RiskSettings.Exchanges) && p.VariableName == "AUTO_EXEC_EXCHANGES");
        Assert.Throws<ArgumentException>(() => new RiskContext(new RiskSettings { Exchanges = exchanges }));
    }

    [Fact]
    public void An_exit_passes_the_halt_and_the_cap_only_for_a_position_the_book_holds_on_that_exchange()
    {
        using var rig = new TestRig(NoCooldown with { MaxOpenPositions = 1, MaxOpenPositionsHighConfidence = 1 });
        rig.EvaluateAndFill(TestRig.Signal(exchange: "NSE"), "P1");
        rig.Context.Switch.Halt("test");

        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "nse", reduces: "P1")).IsApproved);
        Assert.Equal(RejectionReason.NoPositionToReduce, rig.Evaluate(TestRig.Signal(exchange: "BSE", reduces: "P1")).Reason);
        Assert.Equal(RejectionReason.NoPositionToReduce, rig.Evaluate(TestRig.Signal(exchange: "NSE", reduces: "P2")).Reason);
        Assert.Equal(RejectionReason.NoPositionToReduce, rig.Evaluate(TestRig.Signal(exchange: "NSE", reduces: string.Empty)).Reason);

        rig.Book.Close("NSE", "P1");
        Assert.Equal(RejectionReason.NoPositionToReduce, rig.Evaluate(TestRig.Signal(exchange: "NSE", reduces: "P1")).Reason);
    }

    [Fact]
    public void A_mislabelled_exit_on_a_flat_exchange_neither_passes_the_halt_nor_bypasses_the_cap()
    {
        using var rig = new TestRig(NoCooldown);
        rig.Context.Switch.Halt("test");

        var decision = rig.Evaluate(TestRig.Signal(exchange: "BSE", reduces: "anything"));

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.NoPositionToReduce, decision.Reason);
    }

    [Fact]
    public void An_exit_that_the_ledger_cannot_verify_is_refused_as_ledger_unavailable()
    {
        using var rig = new TestRig(book: new UnreachableBook());

        var decision = rig.Evaluate(TestRig.Signal(reduces: "P1"));

        Assert.Equal(RejectionReason.LedgerUnavailable, decision.Reason);
        Assert.Equal(IntentGate.GateName, decision.Gate);
    }

    [Fact]
    public void The_account_wide_cap_holds_across_exchanges_under_contention()
    {
        using var rig = new TestRig(NoCooldown with { MaxOpenPositionsTotal = 5, MaxOrdersPerSecond = RiskSettings.MaxOrdersPerSecondLimit });
        var exchanges = new[] { "NSE", "BSE", "MCX", "NFO" };
        var held = new System.Collections.Concurrent.ConcurrentBag<Reservation>();
        using var start = new Barrier(8);

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 200; i++)
            {
                var decision = rig.Evaluate(TestRig.Signal(exchange: exchanges[(worker + i) % exchanges.Length]));
                if (decision.IsApproved)
                {
                    held.Add(decision.Reservation);
                }
                else
                {
                    Assert.True(decision.Reason is RejectionReason.TotalPositionLimitReached or RejectionReason.PositionLimitReached, decision.Message);
                }
            }
        });

        Assert.Equal(5, held.Count);
        Assert.Equal(5, rig.Book.GetTotalCounts().Total);
        foreach (var reservation in held)
        {
            reservation.Release();
        }

        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "NSE")).IsApproved);
    }

    [Fact]
    public void The_account_wide_cap_counts_open_positions_and_frees_a_place_when_one_closes()
    {
        using var rig = new TestRig(NoCooldown with { MaxOpenPositionsTotal = 2 });
        rig.EvaluateAndFill(TestRig.Signal(exchange: "NSE"), "P1");
        rig.EvaluateAndFill(TestRig.Signal(exchange: "BSE"), "P2");
        Assert.Equal(RejectionReason.TotalPositionLimitReached, rig.Evaluate(TestRig.Signal(exchange: "MCX")).Reason);
        Assert.Equal(RejectionReason.TotalPositionLimitReached, rig.Pipeline.Explain(TestRig.Signal(exchange: "MCX"))[^1].Reason);

        rig.Book.Close("NSE", "P1");

        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "MCX")).IsApproved);
    }

    [Fact]
    public void The_account_wide_cap_gives_back_reservations_that_expired_in_other_exchanges()
    {
        using var rig = new TestRig(NoCooldown with { MaxOpenPositionsTotal = 1 });
        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "NSE")).IsApproved); // never filled nor released
        Assert.Equal(RejectionReason.TotalPositionLimitReached, rig.Evaluate(TestRig.Signal(exchange: "BSE")).Reason);

        rig.Advance(31);

        Assert.True(rig.Evaluate(TestRig.Signal(exchange: "BSE")).IsApproved);
    }

    [Fact]
    public void An_account_wide_cap_out_of_range_is_a_settings_problem()
    {
        Assert.Contains(new RiskSettings { MaxOpenPositionsTotal = -1 }.Validate(), p => p.Setting == nameof(RiskSettings.MaxOpenPositionsTotal) && p.VariableName == "AUTO_EXEC_MAX_OPEN_POSITIONS_TOTAL");
        Assert.Empty(new RiskSettings { MaxOpenPositionsTotal = 10 }.Validate());
    }
}
