using System;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The cooldown's stamp compares the window in the clock's own timestamp ticks, converted once per settings: a window
/// that is not a whole number of ticks rounds up (never lets a trade in early), and settings applied while running
/// count at the next stamp.
/// </summary>
public sealed class CooldownWindowTicksTests
{
    /// <summary>A coarse clock (3 ticks a second) on which half a second is 1.5 ticks: rounding down would admit a trade a third of a second after the last.</summary>
    [Theory]
    [InlineData(0.5, 1, 2)]
    [InlineData(1.0, 2, 3)]
    [InlineData(30.0, 89, 90)]
    public void A_window_is_refused_until_its_last_tick_and_passes_from_then(double windowSeconds, long refusedAt, long passesAt)
    {
        var clock = new CoarseClock(ticksPerSecond: 3);
        var cooldowns = new CooldownClock(clock);
        var window = TimeSpan.FromSeconds(windowSeconds);
        Assert.True(cooldowns.TryRecordTrade("NSE", window, out _));

        clock.Ticks += refusedAt;
        Assert.False(cooldowns.TryRecordTrade("NSE", window, out var elapsed));
        Assert.True(elapsed < window, $"refused at {elapsed} against {window}");

        clock.Ticks += passesAt - refusedAt;
        Assert.True(cooldowns.TryRecordTrade("NSE", window, out elapsed));
        Assert.True(elapsed >= window, $"stamped at {elapsed} against {window}");
    }

    [Fact]
    public void A_zero_window_passes_a_trade_stamped_at_the_same_tick()
    {
        var clock = new CoarseClock(ticksPerSecond: 3);
        var cooldowns = new CooldownClock(clock);

        Assert.True(cooldowns.TryRecordTrade("NSE", TimeSpan.Zero, out _));
        Assert.True(cooldowns.TryRecordTrade("NSE", TimeSpan.Zero, out var elapsed));
        Assert.Equal(TimeSpan.Zero, elapsed);
    }

    [Fact]
    public void A_clock_without_a_positive_frequency_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CooldownClock(new CoarseClock(ticksPerSecond: 0)));
    }

    /// <summary>The gate's take (after the checks) uses the window of the settings in force at that moment, with and without positions.</summary>
    [Fact]
    public void The_gate_takes_with_the_window_of_the_settings_applied_last()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.FromSeconds(30), CooldownWithPositions = TimeSpan.FromSeconds(60) });
        var gate = new CooldownGate(rig.Context);
        var flat = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        var holding = new AdmissionSlot(1, new PositionCap(2, false), HoldsSlot: true);
        Assert.True(Take(rig, gate, in flat).IsPassed);

        rig.Advance(45);
        var refused = Take(rig, gate, in holding);
        Assert.Equal(RejectionReason.CooldownActive, refused.Reason);
        Assert.Equal(45, refused.Observed, 6);
        Assert.Equal(60, refused.Limit);
        Assert.True(Take(rig, gate, in flat).IsPassed);

        rig.Advance(40);
        rig.Context.ApplySettings(new RiskSettings { SignalCooldown = TimeSpan.FromSeconds(50), CooldownWithPositions = TimeSpan.FromSeconds(60) });
        var longer = Take(rig, gate, in flat);
        Assert.Equal(RejectionReason.CooldownActive, longer.Reason);
        Assert.Equal(50, longer.Limit);

        rig.Context.ApplySettings(new RiskSettings { SignalCooldown = TimeSpan.FromSeconds(20), CooldownWithPositions = TimeSpan.FromSeconds(60) });
        Assert.True(Take(rig, gate, in flat).IsPassed);
    }

    /// <summary>The check and the stamp judge the window the same way, to the tick: a trade the check passes is not refused by the stamp, nor the other way round.</summary>
    [Fact]
    public void The_check_and_the_stamp_agree_at_the_last_tick_of_a_window()
    {
        var clock = new CoarseClock(ticksPerSecond: 3);
        var half = TimeSpan.FromSeconds(0.5);
        using var context = new RiskContext(new RiskSettings { SignalCooldown = half, CooldownWithPositions = half }, timeProvider: clock);
        var gate = new CooldownGate(context);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        Assert.True(CheckAndTake(context, gate, in slot).Taken.IsPassed);

        clock.Ticks += 1;
        var (check, taken) = CheckAndTake(context, gate, in slot);
        Assert.Equal(RejectionReason.CooldownActive, check.Reason);
        Assert.Equal(RejectionReason.CooldownActive, taken.Reason);
        Assert.Equal(check.Observed, taken.Observed);

        clock.Ticks += 1;
        (check, taken) = CheckAndTake(context, gate, in slot);
        Assert.True(check.IsPassed, check.Message);
        Assert.True(taken.IsPassed, taken.Message);
    }

    private static (GateVerdict Checked, GateVerdict Taken) CheckAndTake(RiskContext context, CooldownGate gate, in AdmissionSlot slot)
    {
        var clock = new DecisionClock(context.Time);
        var check = gate.Check(TestRig.Signal(), ref clock);
        return (check, gate.TryTake(TestRig.Signal(), in slot, ref clock, out _));
    }

    private static GateVerdict Take(TestRig rig, CooldownGate gate, in AdmissionSlot slot)
    {
        var clock = new DecisionClock(rig.Clock);
        return gate.TryTake(TestRig.Signal(), in slot, ref clock, out _);
    }

    /// <summary>A manual monotonic clock with few ticks a second.</summary>
    private sealed class CoarseClock(long ticksPerSecond) : TimeProvider
    {
        public long Ticks { get; set; } = 1_000;

        public override long TimestampFrequency => ticksPerSecond;

        public override long GetTimestamp() => Ticks;
    }
}
