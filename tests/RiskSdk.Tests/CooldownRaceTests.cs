using System;
using RiskSdk.Gates;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>A trade stamped by another thread after this decision read the clock is "now" for this decision, never in its future.</summary>
public sealed class CooldownRaceTests
{
    [Fact]
    public void A_trade_stamped_after_the_decision_read_the_clock_passes_a_zero_cooldown()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero });
        var gate = new CooldownGate(rig.Context);
        var clock = new DecisionClock(rig.Clock);
        clock.GetTimestamp();
        rig.Advance(0.5);
        rig.Context.Cooldowns.RecordTrade("NSE");

        var verdict = gate.Check(TestRig.Signal(), ref clock);

        Assert.True(verdict.IsPassed, verdict.Message);
        Assert.Equal(TimeSpan.Zero, rig.Context.Cooldowns.SinceLastTrade("NSE", ref clock));
    }

    [Fact]
    public void A_refusal_under_the_race_reports_zero_seconds_not_a_negative_time()
    {
        using var rig = new TestRig();
        var gate = new CooldownGate(rig.Context);
        var clock = new DecisionClock(rig.Clock);
        clock.GetTimestamp();
        rig.Advance(2);
        rig.Context.Cooldowns.RecordTrade("NSE");

        var verdict = gate.Check(TestRig.Signal(), ref clock);

        Assert.Equal(RejectionReason.CooldownActive, verdict.Reason);
        Assert.Equal(0, verdict.Observed);
        Assert.DoesNotContain("-", verdict.Message, StringComparison.Ordinal);
    }
}
