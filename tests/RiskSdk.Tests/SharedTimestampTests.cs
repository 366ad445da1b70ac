using System;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The limiter and the cooldown clock take the decision's clock; a reading older than a stamp another thread made
/// meanwhile never moves the stamp back nor lets a trade into a window, and a decision clock over another
/// <see cref="TimeProvider"/> never stands for theirs.
/// </summary>
public sealed class SharedTimestampTests
{
    [Fact]
    public void A_stale_reading_is_judged_against_a_fresh_one_and_never_moves_the_stamp_back()
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        var stale = new DecisionClock(clock);
        stale.GetTimestamp();
        clock.Elapse(TimeSpan.FromSeconds(5));
        Assert.True(cooldowns.TryRecordTrade("NSE", TimeSpan.Zero, out _));

        // With no cooldown the trade passes (measured from a fresh reading), and the stamp stays at the later time.
        Assert.True(cooldowns.TryRecordTrade("NSE", TimeSpan.Zero, ref stale, out var elapsed));
        Assert.True(elapsed >= TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, cooldowns.SinceLastTrade("NSE"));

        // With a window the stale reading is refused.
        Assert.False(cooldowns.TryRecordTrade("NSE", TimeSpan.FromSeconds(1), ref stale, out _));
    }

    [Fact]
    public void Orders_counted_with_a_stale_reading_keep_the_window_in_time_order()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(2, clock);
        var stale = new DecisionClock(clock);
        stale.GetTimestamp();
        clock.Elapse(TimeSpan.FromMilliseconds(900));
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.True(limiter.TryTake("NSE", ref stale, out var seen));
        Assert.Equal(1, seen);

        // Both orders count as made at the later time: 200 ms on, both are still inside the second.
        clock.Elapse(TimeSpan.FromMilliseconds(200));
        var now = new DecisionClock(clock);
        Assert.Equal(2, limiter.CountLastSecond("NSE", ref now));
        Assert.False(limiter.SurelyHasRoom("NSE", ref now));
        Assert.False(limiter.TryTake("NSE", ref now, out _));

        clock.Elapse(TimeSpan.FromSeconds(1));
        var later = new DecisionClock(clock);
        Assert.True(limiter.SurelyHasRoom("NSE", ref later));
        Assert.Equal(0, limiter.CountLastSecond("NSE", ref later));
    }

    [Fact]
    public void A_decision_clock_over_another_time_provider_never_stands_for_their_time()
    {
        var time = new CountingClock();
        var cooldowns = new CooldownClock(time);
        var limiter = new OrderRateLimiter(1, time);
        Assert.True(cooldowns.TryRecordTrade("NSE", TimeSpan.FromMinutes(5), out _));
        Assert.True(limiter.TryTake("NSE", out _));

        // A clock an hour ahead would open both windows if its reading were taken for theirs.
        var hourAhead = new CountingClock();
        hourAhead.Elapse(TimeSpan.FromHours(1));
        var foreign = new DecisionClock(hourAhead);

        Assert.False(cooldowns.TryRecordTrade("NSE", TimeSpan.FromMinutes(5), ref foreign, out var elapsed));
        Assert.Equal(TimeSpan.Zero, elapsed);
        Assert.Equal(TimeSpan.Zero, cooldowns.SinceLastTrade("NSE", ref foreign));
        Assert.False(limiter.TryTake("NSE", ref foreign, out _));
        Assert.Equal(1, limiter.CountLastSecond("NSE", ref foreign));
        Assert.False(foreign.IsRead);
    }

    [Fact]
    public void The_lock_free_room_check_never_promises_room_the_exact_count_does_not_have()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(3, clock);
        var random = new Random(8);
        for (var step = 0; step < 2_000; step++)
        {
            clock.Elapse(TimeSpan.FromMilliseconds(random.Next(0, 400)));
            var now = new DecisionClock(clock);
            var room = limiter.CountLastSecond("NSE", ref now) < limiter.MaxPerSecond;
            Assert.True(room || !limiter.SurelyHasRoom("NSE", ref now));
            Assert.Equal(room, limiter.TryTake("NSE", ref now, out _));
        }
    }
}
