using System.Collections.Generic;
using RiskSdk.Benchmarks.Decision;

namespace RiskSdk.Benchmarks.Tests;

/// <summary>The floor and the naive shape make the runtime pipeline's decisions, so the benchmark compares like with like.</summary>
public sealed class BaselineAgreementTests
{
    public static IEnumerable<object[]> Intents()
    {
        foreach (var confidence in new[] { 0.5, 0.7, 0.82, 0.96, double.NaN })
        {
            foreach (var kelly in new[] { 0.1, 0.15, 0.3 })
            {
                foreach (var lots in new[] { 0, 2, 5 })
                {
                    foreach (var delta in new[] { 15.0, 500.0, -700.0 })
                    {
                        yield return new object[] { confidence, kelly, lots, delta };
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Intents))]
    public void Each_baseline_gives_the_runtime_s_answer_for_one_signal(double confidence, double kelly, int lots, double delta)
    {
        using var rig = new DecisionRig();
        var intent = DecisionSetup.Passing with { Confidence = confidence, KellyFraction = kelly, Lots = lots, Delta = delta };

        var runtime = rig.Pipeline.Evaluate(in intent);
        runtime.Reservation.Release();
        var generated = rig.Generated.Evaluate(in intent);
        var floor = rig.Floor.Evaluate(in intent);
        var naive = rig.Naive.Evaluate(intent);

        Assert.True(runtime.Reason == generated.Reason, $"runtime {runtime.Reason}, generated {generated.Reason}");
        Assert.True(runtime.Reason == floor.Reason, $"runtime {runtime.Reason}, floor {floor.Reason}");
        Assert.Equal(runtime.IsApproved, naive.IsApproved);
    }

    [Theory]
    [InlineData(0.82, MarketRegime.Normal, 2)]
    [InlineData(0.96, MarketRegime.Normal, 3)]
    [InlineData(0.82, MarketRegime.HighVolatility, 1)]
    public void Each_baseline_stops_at_the_runtime_s_cap(double confidence, MarketRegime regime, int cap)
    {
        using var rig = new DecisionRig();
        using var generatedRig = new DecisionRig();
        var intent = DecisionSetup.Passing with { Confidence = confidence, Regime = regime };

        for (var i = 0; i < cap; i++)
        {
            Assert.True(rig.Pipeline.Evaluate(in intent).IsApproved);
            Assert.True(generatedRig.Generated.Evaluate(in intent).IsApproved);
            Assert.True(rig.Floor.Evaluate(in intent).IsApproved);
            Assert.True(rig.Naive.Evaluate(intent).IsApproved);
        }

        var refused = rig.Pipeline.Evaluate(in intent);
        Assert.True(refused.Reason == RejectionReason.PositionLimitReached, refused.Message);
        Assert.True(generatedRig.Generated.Evaluate(in intent).Reason == RejectionReason.PositionLimitReached);
        Assert.True(rig.Floor.Evaluate(in intent).Reason == RejectionReason.PositionLimitReached);
        Assert.StartsWith("PositionLimit", rig.Naive.Evaluate(intent).Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_released_approval_frees_the_slot_in_every_decider()
    {
        using var rig = new DecisionRig();
        var intent = DecisionSetup.Passing;

        for (var i = 0; i < 10; i++)
        {
            var runtime = rig.Pipeline.Evaluate(in intent);
            Assert.True(runtime.IsApproved);
            Assert.True(runtime.Reservation.Release());
            Assert.True(rig.Floor.Evaluate(in intent).IsApproved);
            rig.Floor.Release();
            var naive = rig.Naive.Evaluate(intent);
            rig.Naive.Release(naive.Position!);
        }

        Assert.Equal(0, rig.Context.Book.GetCounts(DecisionSetup.Exchange).Total);
        Assert.Equal(0, rig.Floor.Held);
    }
}
