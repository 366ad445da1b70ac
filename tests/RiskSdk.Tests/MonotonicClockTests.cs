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

    /// <summary>A clock whose wall time and monotonic time move independently, as on a real machine.</summary>
    private sealed class SplitClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public DateTimeOffset Wall { get; set; } = new(2026, 11, 25, 3, 45, 0, TimeSpan.Zero);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => Wall;

        public override long GetTimestamp() => _ticks;

        public void Elapse(TimeSpan time)
        {
            _ticks += time.Ticks;
            Wall += time;
        }
    }
}
