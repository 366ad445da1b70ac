using System;
using System.Collections.Generic;
using RiskSdk.Gates;
using RiskSdk.Tests.Shared;

namespace RiskSdk.Tests;

/// <summary>
/// The intent check's common path (<see cref="IntentGate.Accept"/>, inlined into pipelines, one straight run of tests)
/// gives exactly the verdict, figures and exchange instance of the whole check in its declared order, for every kind of
/// intent the whole check tells apart: each field at and past its edges, every kind of name, entries and exits,
/// declared exchanges or none, the trading state known or not.
/// </summary>
public sealed class IntakeCommonPathTests
{
    private const string Canonical32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private static readonly string?[] Names =
    [
        "NSE", "BSE", "MCX", "nse", " NSE", "NSE ", "N SE", "\uFF2E\uFF33\uFF25", "", "   ", null, "N\u200BSE", "NSE\0",
        "NSE\u007F", "~", "{", "`", "@", Canonical32, Canonical32 + "6", new string('N', 200),
    ];

    private static readonly double[] Fractions =
    [
        0.8, 0, -0.0, 1, 1.0000000000000002, -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308,
    ];

    private static readonly int[] LotCounts = [1, 4, 0, -1, int.MinValue, int.MaxValue];

    private static readonly double[] Deltas = [0.5, -1e9, double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    private static readonly TradeSide[] Sides = [TradeSide.Buy, TradeSide.Sell, (TradeSide)2, (TradeSide)(-1), (TradeSide)int.MaxValue];

    private static readonly MarketRegime[] Regimes = [MarketRegime.Normal, MarketRegime.HighVolatility, (MarketRegime)2, (MarketRegime)(-1)];

    private static readonly string?[] Exits = [null, "P1", "P404", ""];

    [Theory]
    [InlineData(null, true)]
    [InlineData(null, false)]
    [InlineData("NSE,BSE", true)]
    [InlineData("NSE,BSE", false)]
    [InlineData("nse", true)]
    public void The_common_path_gives_the_whole_checks_verdict_and_exchange(string? declared, bool stateKnown)
    {
        var book = new SharedStateBook();
        using var rig = new TestRig(new RiskSettings { Exchanges = declared }, book);
        rig.Open("P1");
        book.Current = stateKnown;
        var intake = rig.Context.Intake;

        var compared = 0;
        foreach (var intent in Intents())
        {
            var common = intake.Accept(in intent, out var exchange);
            var whole = intake.AcceptInFull(in intent, out var wholeExchange);

            var shown = Show(in intent);
            Assert.True(Same(whole, common), shown + ": " + whole + " from the whole check, " + common + " from Accept");
            Assert.True(ReferenceEquals(wholeExchange, exchange), shown + ": exchange " + wholeExchange + " from the whole check, " + exchange + " from Accept");
            compared++;
        }

        Assert.Equal(Exits.Length * (Names.Length + (2 * Fractions.Length) + LotCounts.Length + Deltas.Length + Sides.Length + Regimes.Length), compared);
    }

    [Fact]
    public void A_name_already_canonical_is_handed_on_as_the_very_string_given()
    {
        using var rig = new TestRig();
        var name = new string(['N', 'S', 'E']);
        var intent = TestRig.Signal(exchange: name);

        Assert.True(rig.Context.Intake.Accept(in intent, out var exchange).IsPassed);
        Assert.Same(name, exchange);
    }

    [Fact]
    public void Each_test_of_the_common_path_that_fails_leaves_the_refusal_to_the_declared_order()
    {
        using var rig = new TestRig(new RiskSettings { Exchanges = "NSE" });

        // Several problems at once: the first in declared order is the one reported.
        var both = TestRig.Signal(exchange: "BSE", confidence: double.NaN, lots: 0);
        var verdict = rig.Context.Intake.Accept(in both, out var exchange);
        Assert.Equal(RejectionReason.InvalidIntent, verdict.Reason);
        Assert.Equal(nameof(TradeIntent.Confidence), verdict.Detail);
        Assert.Equal("BSE", exchange);

        var badName = TestRig.Signal(exchange: "B\u200BSE", confidence: 2);
        verdict = rig.Context.Intake.Accept(in badName, out exchange);
        Assert.Equal(RejectionReason.InvalidExchange, verdict.Reason);
        Assert.Equal(IntentGate.InvalidExchangeTag, exchange);

        var undeclared = TestRig.Signal(exchange: "bse", reduces: "P9");
        verdict = rig.Context.Intake.Accept(in undeclared, out exchange);
        Assert.Equal(RejectionReason.UnknownExchange, verdict.Reason);
        Assert.Equal("BSE", exchange);
    }

    private static IEnumerable<TradeIntent> Intents()
    {
        foreach (var exit in Exits)
        {
            foreach (var name in Names)
            {
                yield return Vary(name: name, exit: exit);
            }

            foreach (var value in Fractions)
            {
                yield return Vary(confidence: value, exit: exit);
                yield return Vary(kelly: value, exit: exit);
            }

            foreach (var lots in LotCounts)
            {
                yield return Vary(lots: lots, exit: exit);
            }

            foreach (var delta in Deltas)
            {
                yield return Vary(delta: delta, exit: exit);
            }

            foreach (var side in Sides)
            {
                yield return Vary(side: side, exit: exit);
            }

            foreach (var regime in Regimes)
            {
                yield return Vary(regime: regime, exit: exit);
            }
        }
    }

    private static TradeIntent Vary(
        string? name = "NSE",
        double confidence = 0.8,
        double kelly = 0.2,
        int lots = 2,
        double delta = 0.5,
        TradeSide side = TradeSide.Buy,
        MarketRegime regime = MarketRegime.Normal,
        string? exit = null) =>
        new()
        {
            Exchange = name!,
            Confidence = confidence,
            KellyFraction = kelly,
            Lots = lots,
            Delta = delta,
            Side = side,
            Regime = regime,
            ReducesPosition = exit,
        };

    private static bool Same(GateVerdict a, GateVerdict b) =>
        a.Gate == b.Gate
        && a.Reason == b.Reason
        && a.Observed.Equals(b.Observed)
        && a.Limit.Equals(b.Limit)
        && a.Detail == b.Detail;

    private static string Show(in TradeIntent intent) =>
        FormattableString.Invariant(
            $"exchange {(intent.Exchange is null ? "null" : "\"" + ExchangeName.Escape(intent.Exchange) + "\"")}, confidence {intent.Confidence}, kelly {intent.KellyFraction}, lots {intent.Lots}, delta {intent.Delta}, side {(int)intent.Side}, regime {(int)intent.Regime}, exit {intent.ReducesPosition ?? "none"}");
}
