using System;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The limiter and the cooldown clock take the decision's timestamp; a reading older than a stamp another thread
/// made meanwhile never moves the stamp back nor lets a trade into a window.
/// </summary>
public sealed class SharedTimestampTests
{
    [Fact]
    public void A_stale_reading_is_judged_against_a_fresh_one_and_never_moves_the_stamp_back()
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        var stale = clock.Peek();
        clock.Elapse(TimeSpan.FromSeconds(5));
        Assert.True(cooldowns.TryRecordTrade("NSE", TimeSpan.Zero, clock.Peek(), out _));

        // With no cooldown the trade passes (measured from a fresh reading), and the stamp stays at the later time.
        Assert.True(cooldowns.TryRecordTrade("NSE", TimeSpan.Zero, stale, out var elapsed));
        Assert.True(elapsed >= TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, cooldowns.SinceLastTrade("NSE", clock.Peek()));

        // With a window the stale reading is refused.
        Assert.False(cooldowns.TryRecordTrade("NSE", TimeSpan.FromSeconds(1), stale, out _));
    }

    [Fact]
    public void Orders_counted_with_a_stale_reading_keep_the_window_in_time_order()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(2, clock);
        var stale = clock.Peek();
        clock.Elapse(TimeSpan.FromMilliseconds(900));
        Assert.True(limiter.TryTake("NSE", clock.Peek(), out _));
        Assert.True(limiter.TryTake("NSE", stale, out var seen));
        Assert.Equal(1, seen);

        // Both orders count as made at the later time: 200 ms on, both are still inside the second.
        clock.Elapse(TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, limiter.CountLastSecond("NSE", clock.Peek()));
        Assert.False(limiter.SurelyHasRoom("NSE", clock.Peek()));
        Assert.False(limiter.TryTake("NSE", clock.Peek(), out _));

        clock.Elapse(TimeSpan.FromSeconds(1));
        Assert.True(limiter.SurelyHasRoom("NSE", clock.Peek()));
        Assert.Equal(0, limiter.CountLastSecond("NSE", clock.Peek()));
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
            var now = clock.Peek();
            var room = limiter.CountLastSecond("NSE", now) < limiter.MaxPerSecond;
            Assert.True(room || !limiter.SurelyHasRoom("NSE", now));
            Assert.Equal(room, limiter.TryTake("NSE", now, out _));
        }
    }
}
