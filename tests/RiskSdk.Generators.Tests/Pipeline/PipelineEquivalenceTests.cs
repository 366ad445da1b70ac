using System;
using System.Collections.Generic;
using RiskSdk.Gates;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>
/// Property test: over random scripts of intents and book, clock, exposure and switch changes, the generated
/// pipelines decide and explain exactly like the hand-assembled <see cref="RiskPipeline"/> with the same gates; both are
/// held through <see cref="IRiskPipeline"/>, the contract every pipeline implements.
/// </summary>
public sealed class PipelineEquivalenceTests
{
    private const int Scripts = 40;
    private const int StepsPerScript = 400;
    private static readonly string[] Exchanges = { "NSE", "BSE", "MCX", "nse", " BSE\t", "\uFF2D\uFF23\uFF38", "N\u200BSE" };
    private static readonly string?[] Symbols = { "NIFTY", "BANKNIFTY", "SENSEX", null };

    [Fact]
    public void Default_order_pipeline_decides_like_RiskPipeline_CreateDefault()
    {
        var reasons = Run(
            static world => new DefaultOrderPipeline(world.Context),
            static world => RiskPipeline.CreateDefault(world.Context));

        foreach (var expected in new[] { RejectionReason.None, RejectionReason.TradingHalted, RejectionReason.ConfidenceTooLow, RejectionReason.KellyTooLow, RejectionReason.LotsAboveMaximum, RejectionReason.NetDeltaExceeded, RejectionReason.SessionDrawdownStop, RejectionReason.CooldownActive, RejectionReason.PositionLimitReached })
        {
            Assert.True(reasons.Contains(expected), $"No script reached {expected}; the property test would prove little.");
        }
    }

    [Fact]
    public void Mixed_pipeline_with_custom_gates_decides_like_the_same_gates_assembled_by_hand()
    {
        var reasons = Run(
            static world => new MixedPipeline(world.Context, new BlockedSymbolGate("BANKNIFTY")),
            static world => new RiskPipeline(
                world.Context,
                new IRiskGate[]
                {
                    new KillSwitchGate(world.Context),
                    new MinimumConfidenceGate(world.Context),
                    new ThreeLotsFaultReference(),
                    new DeltaFloorGate(),
                    new HighVolatilityLotsGate(world.Context.Settings),
                    new BlockedSymbolGate("BANKNIFTY"),
                    new OrderRateGate(world.Context),
                    new CooldownGate(world.Context),
                },
                new PositionLimitGate(world.Context)));

        foreach (var expected in new[] { RejectionReason.None, RejectionReason.GateFault, RejectionReason.CustomGate, RejectionReason.CooldownActive, RejectionReason.PositionLimitReached, RejectionReason.OrderRateExceeded })
        {
            Assert.True(reasons.Contains(expected), $"No script reached {expected}; the property test would prove little.");
        }
    }

    /// <summary>Runs every script against a generated and a reference pipeline in twin worlds; returns the reasons seen.</summary>
    private static HashSet<RejectionReason> Run(
        Func<PipelineWorld, IRiskPipeline> generated,
        Func<PipelineWorld, IRiskPipeline> reference)
    {
        var reasons = new HashSet<RejectionReason>();
        for (var seed = 1; seed <= Scripts; seed++)
        {
            var random = new Random(seed);
            var settings = RandomSettings(random);
            using var left = new PipelineWorld(settings);
            using var right = new PipelineWorld(settings);
            var subject = generated(left);
            var expected = reference(right);
            for (var step = 0; step < StepsPerScript; step++)
            {
                var where = $"seed {seed}, step {step}";
                switch (random.Next(20))
                {
                    case < 11:
                        var intent = RandomIntent(random);
                        var actual = subject.Evaluate(intent);
                        var wanted = expected.Evaluate(in intent);
                        AssertSameDecision(wanted, actual, where);
                        reasons.Add(actual.Reason);
                        left.Hold(actual.Reservation);
                        right.Hold(wanted.Reservation);
                        break;
                    case 11:
                        var explained = RandomIntent(random);
                        AssertSameVerdicts(expected.Explain(in explained), subject.Explain(in explained), where);
                        break;
                    case 12 or 13:
                        var pick = random.Next(1000);
                        var fill = random.Next(3) > 0;
                        left.EndPending(pick, fill);
                        right.EndPending(pick, fill);
                        break;
                    case 14:
                        var close = random.Next(1000);
                        left.CloseOpen(close);
                        right.CloseOpen(close);
                        break;
                    case 15 or 16:
                        var seconds = random.Next(4) == 0 ? random.Next(0, 400) : random.NextDouble() * 2;
                        left.Clock.Advance(TimeSpan.FromSeconds(seconds));
                        right.Clock.Advance(TimeSpan.FromSeconds(seconds));
                        break;
                    case 17:
                        var delta = (random.NextDouble() * 20) - 10;
                        var pnl = (random.NextDouble() * 2000) - 1500;
                        foreach (var world in new[] { left, right })
                        {
                            world.Context.Exposure.ReportNetDelta(delta);
                            world.Context.Exposure.ReportSessionPnl(pnl);
                        }

                        break;
                    case 18:
                        var state = random.Next(3);
                        foreach (var world in new[] { left, right })
                        {
                            switch (state)
                            {
                                case 0: world.Context.Switch.Halt("script"); break;
                                case 1: world.Context.Switch.ReduceOnly("script"); break;
                                default: world.Context.Switch.Resume("script"); break;
                            }
                        }

                        break;
                    default:
                        left.Context.ResetSession();
                        right.Context.ResetSession();
                        break;
                }
            }
        }

        return reasons;
    }

    /// <summary>A generated pipeline under test; the generated types share no interface, by design.</summary>

    private static RiskSettings RandomSettings(Random random) => RiskSettings.ForProfile((RiskProfile)random.Next(3)) with
    {
        MaxNetDelta = random.Next(2) == 0 ? null : 1 + random.Next(8),
        SessionDrawdownStop = random.Next(2) == 0 ? null : 500 + random.Next(1000),
        MaxOrdersPerSecond = 1 + random.Next(4),
        SignalCooldown = TimeSpan.FromSeconds(random.Next(3) == 0 ? 0 : random.Next(1, 60)),
    };

    private static TradeIntent RandomIntent(Random random) => new()
    {
        Exchange = Exchanges[random.Next(Exchanges.Length)],
        Symbol = Symbols[random.Next(Symbols.Length)],
        Side = random.Next(2) == 0 ? TradeSide.Buy : TradeSide.Sell,
        Confidence = random.Next(25) == 0 ? double.NaN : 0.5 + (random.NextDouble() * 0.5),
        KellyFraction = random.Next(25) == 0 ? double.NaN : random.NextDouble() * 0.4,
        Lots = random.Next(0, 7),
        Delta = (random.NextDouble() * 8) - 4,
        Regime = random.Next(5) == 0 ? MarketRegime.HighVolatility : MarketRegime.Normal,
        ReducesPosition = random.Next(8) == 0 ? "P" + random.Next(8).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    private static void AssertSameDecision(RiskDecision expected, RiskDecision actual, string where)
    {
        Assert.True(expected.IsApproved == actual.IsApproved, $"{where}: approved {expected.IsApproved} by hand, {actual.IsApproved} generated ({expected} / {actual})");
        Assert.True(expected.Reason == actual.Reason, $"{where}: {expected.Reason} by hand, {actual.Reason} generated");
        Assert.Equal(expected.Exchange, actual.Exchange);
        Assert.Equal(expected.Cap, actual.Cap);
        Assert.Equal(expected.Reservation.Id, actual.Reservation.Id);
        Assert.Equal(expected.Reservation.HoldsSlot, actual.Reservation.HoldsSlot);
        AssertSameVerdict(expected.Verdict, actual.Verdict, where);
    }

    private static void AssertSameVerdicts(IReadOnlyList<GateVerdict> expected, IReadOnlyList<GateVerdict> actual, string where)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSameVerdict(expected[i], actual[i], where + ", verdict " + i);
        }
    }

    private static void AssertSameVerdict(GateVerdict expected, GateVerdict actual, string where)
    {
        Assert.True(expected.Gate == actual.Gate, $"{where}: gate {expected.Gate} by hand, {actual.Gate} generated");
        Assert.True(expected.Reason == actual.Reason, $"{where}: {expected.Reason} by hand, {actual.Reason} generated");
        Assert.Equal(expected.Observed, actual.Observed);
        Assert.Equal(expected.Limit, actual.Limit);
        Assert.Equal(expected.Detail, actual.Detail);
    }
}
