using System;

namespace RiskSdk.Tests;

/// <summary>Cooldowns run on the monotonic clock: a wall-clock change neither opens nor extends a window.</summary>
public sealed class MonotonicClockTests
{
    [Theory]
    [InlineData(+3600)]
    [InlineData(-3600)]
    public void A_wall_clock_jump_does_not_move_a_cooldown(int jumpSeconds)
    {
        var clock = new SplitClock();
        using var context = new RiskContext(new RiskSettings(), timeProvider: clock);
        var pipeline = RiskPipeline.CreateDefault(context);
        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P1");

        clock.Wall += TimeSpan.FromSeconds(jumpSeconds);
        clock.Elapse(TimeSpan.FromSeconds(100));
        Assert.Equal(RejectionReason.CooldownActive, pipeline.Evaluate(TestRig.Signal()).Reason);

        clock.Elapse(TimeSpan.FromSeconds(200));
        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void A_cooldown_is_judged_across_a_timestamp_that_wraps_past_its_largest_value()
    {
        // The timestamp passes long.MaxValue 10 s after the trade. Judged on raw values, every later trade was refused
        // for good ("301 s since the last trade, the cooldown in force is 300 s"), and a step back across the wrap passed.
        var clock = new SplitClock(long.MaxValue - TimeSpan.FromSeconds(10).Ticks);
        using var context = new RiskContext(new RiskSettings(), timeProvider: clock);
        var pipeline = RiskPipeline.CreateDefault(context);
        Assert.True(pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P1"));

        clock.Elapse(TimeSpan.FromSeconds(299));
        var inside = pipeline.Evaluate(TestRig.Signal());
        Assert.Equal(RejectionReason.CooldownActive, inside.Reason);
        Assert.Equal(299, inside.Verdict.Observed, 3);

        clock.Elapse(TimeSpan.FromSeconds(2));
        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);

        // A step back across the wrap is time going backwards: the trade just made is 0 s old, not centuries.
        clock.Elapse(TimeSpan.FromSeconds(-400));
        Assert.Equal(RejectionReason.CooldownActive, pipeline.Evaluate(TestRig.Signal(exchange: "NSE")).Reason);
    }

    /// <summary>A clock whose wall time and monotonic time move independently, as on a real machine; its timestamp wraps as a counter does.</summary>
    private sealed class SplitClock(long start = 1_000_000) : TimeProvider
    {
        private long _ticks = start;

        public DateTimeOffset Wall { get; set; } = new(2026, 11, 25, 3, 45, 0, TimeSpan.Zero);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => Wall;

        public override long GetTimestamp() => _ticks;

        public void Elapse(TimeSpan time)
        {
            _ticks = unchecked(_ticks + time.Ticks);
            Wall += time;
        }
    }
}
