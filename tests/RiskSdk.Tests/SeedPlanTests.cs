using System;
using System.Linq;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>The plan RiskSdk grew from: caps per exchange scaled by confidence, and two cooldowns.</summary>
public sealed class SeedPlanTests
{
    private static readonly RiskSettings NoCooldown = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [Fact]
    public void Normal_confidence_signals_stop_at_two_open_positions_per_exchange()
    {
        using var rig = new TestRig(NoCooldown);

        Assert.True(rig.EvaluateAndFill(TestRig.Signal(), "P1").IsApproved);
        Assert.True(rig.EvaluateAndFill(TestRig.Signal(), "P2").IsApproved);
        Assert.Equal(RejectionReason.PositionLimitReached, rig.Evaluate(TestRig.Signal()).Reason);
        Assert.True(rig.EvaluateAndFill(TestRig.Signal(exchange: "BSE"), "B1").IsApproved); // exchanges are separate scopes
        Assert.Equal(new ScopeCounts(3, 0), rig.Book.GetTotalCounts());
    }

    [Theory]
    [InlineData(0.94, 2)]
    [InlineData(0.95, 3)]
    [InlineData(0.99, 3)]
    [InlineData(1.00, 3)]
    public void The_cap_is_raised_only_for_very_high_confidence_and_never_above_the_high_confidence_cap(double confidence, int expectedCap)
    {
        using var rig = new TestRig(NoCooldown);
        var approved = 0;
        for (var i = 0; i < 6; i++)
        {
            if (rig.EvaluateAndFill(TestRig.Signal(confidence: confidence), "P" + i).IsApproved)
            {
                approved++;
            }
        }

        Assert.Equal(expectedCap, approved);
        Assert.Equal(expectedCap, rig.Book.GetCounts("NSE").Open);
    }

    [Fact]
    public void A_high_confidence_position_counts_against_the_normal_cap()
    {
        using var rig = new TestRig(NoCooldown);
        rig.EvaluateAndFill(TestRig.Signal(confidence: 0.97), "P1");
        rig.EvaluateAndFill(TestRig.Signal(confidence: 0.97), "P2");
        rig.EvaluateAndFill(TestRig.Signal(confidence: 0.97), "P3");

        var normal = rig.Evaluate(TestRig.Signal(confidence: 0.80));

        Assert.Equal(RejectionReason.PositionLimitReached, normal.Reason);
        Assert.Equal(3, normal.Verdict.Observed);
        Assert.Equal(2, normal.Verdict.Limit);
    }

    [Fact]
    public void Signals_blocked_at_the_cap_are_allowed_again_when_a_position_closes()
    {
        using var rig = new TestRig(NoCooldown);
        rig.EvaluateAndFill(TestRig.Signal(), "P1");
        rig.EvaluateAndFill(TestRig.Signal(), "P2");
        Assert.False(rig.Evaluate(TestRig.Signal()).IsApproved);

        Assert.True(rig.Book.Close("NSE", "P1"));

        Assert.True(rig.EvaluateAndFill(TestRig.Signal(), "P3").IsApproved);
    }

    [Fact]
    public void Pending_reservations_count_toward_the_cap()
    {
        using var rig = new TestRig(NoCooldown);
        var first = rig.Evaluate(TestRig.Signal());
        var second = rig.Evaluate(TestRig.Signal());

        Assert.True(first.IsApproved && second.IsApproved);
        Assert.Equal(RejectionReason.PositionLimitReached, rig.Evaluate(TestRig.Signal()).Reason);

        first.Reservation.Release(); // the broker rejected the first order
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void Cooldown_is_the_plain_signal_cooldown_while_flat()
    {
        using var rig = new TestRig();
        var first = rig.Evaluate(TestRig.Signal());
        first.Reservation.Release(); // order failed: flat again

        rig.Advance(29);
        Assert.Equal(RejectionReason.CooldownActive, rig.Evaluate(TestRig.Signal()).Reason);
        rig.Advance(1);
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void Cooldown_is_the_longer_window_while_positions_are_open()
    {
        using var rig = new TestRig();
        rig.EvaluateAndFill(TestRig.Signal(), "P1");

        rig.Advance(30);
        var early = rig.Evaluate(TestRig.Signal());
        Assert.Equal(RejectionReason.CooldownActive, early.Reason);
        Assert.Equal(300, early.Verdict.Limit);

        rig.Advance(269);
        Assert.False(rig.Evaluate(TestRig.Signal()).IsApproved);
        rig.Advance(1);
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void Closing_every_position_brings_back_the_short_cooldown()
    {
        using var rig = new TestRig();
        rig.EvaluateAndFill(TestRig.Signal(), "P1");
        rig.Advance(40);
        Assert.False(rig.Evaluate(TestRig.Signal()).IsApproved);

        rig.Book.Close("NSE", "P1");

        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Theory]
    [InlineData(0.80, 1)]
    [InlineData(0.96, 1)]
    public void High_volatility_scales_both_caps_down_rounding_down(double confidence, int expectedCap)
    {
        using var rig = new TestRig(NoCooldown);
        var approved = 0;
        for (var i = 0; i < 4; i++)
        {
            if (rig.EvaluateAndFill(TestRig.Signal(confidence: confidence, regime: MarketRegime.HighVolatility), "P" + i).IsApproved)
            {
                approved++;
            }
        }

        Assert.Equal(expectedCap, approved);
    }

    [Theory]
    [InlineData(RiskProfile.Conservative, 1, 2)]
    [InlineData(RiskProfile.Moderate, 2, 3)]
    [InlineData(RiskProfile.Aggressive, 3, 5)]
    public void Profiles_carry_the_seeds_caps(RiskProfile profile, int normal, int high)
    {
        var settings = RiskSettings.ForProfile(profile);

        Assert.Empty(settings.Validate());
        Assert.Equal(new PositionCap(normal, false), PositionCap.For(settings, 0.80, MarketRegime.Normal));
        Assert.Equal(new PositionCap(high, true), PositionCap.For(settings, 0.99, MarketRegime.Normal));
    }

    [Fact]
    public void Invalid_settings_are_refused_with_every_problem_listed()
    {
        var settings = new RiskSettings { MaxOpenPositions = 4, MaxOpenPositionsHighConfidence = 3, MinConfidence = 1.5, MaxOrdersPerSecond = 0 };

        var problems = settings.Validate();
        var thrown = Assert.Throws<ArgumentException>(() => new RiskContext(settings));

        // The threshold is not compared with a MinConfidence that is itself out of range: one problem per wrong value.
        Assert.Equal(new[] { "MinConfidence", "MaxOrdersPerSecond", "MaxOpenPositionsHighConfidence" }, problems.Select(p => p.Setting));
        Assert.Contains("MaxOpenPositionsHighConfidence (AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF) = 3 is below MaxOpenPositions; expected at least MaxOpenPositions (AUTO_EXEC_MAX_OPEN_POSITIONS, 4).", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("MinConfidence (AUTO_EXEC_MIN_CONFIDENCE) = 1.5 is out of range; expected a number from 0 to 1.", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("MaxOrdersPerSecond (AUTO_EXEC_MAX_ORDERS_PER_SECOND) = 0 is out of range; expected an integer from 1 to 100000.", thrown.Message, StringComparison.Ordinal);
    }
}
