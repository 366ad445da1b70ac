using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// Freeing an idle exchange's state: an exchange is freed only when freeing it changes no decision, and a thread that
/// found the state just before it was freed never records a trade or an order in it (it would be lost, and the cap or
/// window it counted against with it).
/// </summary>
public sealed class ScopeReclaimTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Many exchanges, so each round races the reclaimer on many first trades (only a state with nothing recorded is idle).</summary>
    private static readonly string[] Exchanges = Enumerable.Range(0, 100).Select(i => "EX" + i).ToArray();

    [Fact]
    public void A_cooldown_is_freed_only_once_every_window_has_passed()
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        Assert.True(cooldowns.TryRecordTrade("NSE", Window, out _));
        clock.Elapse(Window - TimeSpan.FromTicks(1));

        Assert.Equal(0, cooldowns.ReclaimIdle(Window));
        Assert.False(cooldowns.TryRecordTrade("NSE", Window, out _));

        clock.Elapse(TimeSpan.FromTicks(1));
        Assert.Equal(1, cooldowns.ReclaimIdle(Window));
        Assert.Equal(0, cooldowns.Count);
        Assert.Null(cooldowns.SinceLastTrade("NSE"));
        Assert.True(cooldowns.TryRecordTrade("NSE", Window, out _));
        Assert.False(cooldowns.TryRecordTrade("NSE", Window, out _));
    }

    [Fact]
    public void An_order_window_is_freed_only_once_none_of_its_orders_count()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(1, clock);
        Assert.True(limiter.TryTake("NSE", out _));
        clock.Elapse(TimeSpan.FromSeconds(1));

        Assert.Equal(0, limiter.ReclaimIdle());
        Assert.False(limiter.TryTake("NSE", out _));

        clock.Elapse(TimeSpan.FromSeconds(1.0 / OrderRateLimiter.BucketsPerSecond));
        Assert.Equal(1, limiter.ReclaimIdle());
        Assert.Equal(0, limiter.Count);
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.False(limiter.TryTake("NSE", out _));
    }

    [Fact]
    public void Cooldown_stamps_racing_a_reclaim_are_never_lost()
    {
        // The clock never moves, so a recorded trade never goes idle: exactly one trade per exchange may ever be
        // recorded, however often the reclaimer frees the exchanges that have not traded yet.
        for (var round = 0; round < 40; round++)
        {
            var cooldowns = new CooldownClock(new CountingClock());
            var recorded = new int[Exchanges.Length];
            Race(
                trader: i =>
                {
                    var e = i % Exchanges.Length;
                    if (cooldowns.TryRecordTrade(Exchanges[e], Window, out _))
                    {
                        Interlocked.Increment(ref recorded[e]);
                    }
                },
                reclaim: () => cooldowns.ReclaimIdle(Window));

            Assert.All(recorded, count => Assert.Equal(1, count));
        }
    }

    [Fact]
    public void Orders_racing_a_reclaim_are_never_lost()
    {
        // The clock never moves, so a counted order never leaves the window: exactly the limit may be taken per
        // exchange, however often the reclaimer frees the windows that have no order yet.
        for (var round = 0; round < 40; round++)
        {
            var limiter = new OrderRateLimiter(3, new CountingClock());
            var taken = new int[Exchanges.Length];
            Race(
                trader: i =>
                {
                    var e = i % Exchanges.Length;
                    if (limiter.TryTake(Exchanges[e], out _))
                    {
                        Interlocked.Increment(ref taken[e]);
                    }
                },
                reclaim: () => limiter.ReclaimIdle());

            Assert.All(taken, count => Assert.Equal(3, count));
        }
    }

    /// <summary>Three threads call <paramref name="trader"/> with 0 to 299 (each from its own offset) while a fourth calls <paramref name="reclaim"/> until they finish.</summary>
    private static void Race(Action<int> trader, Action reclaim)
    {
        using var start = new Barrier(4);
        var running = 3;
        var traders = Enumerable.Range(0, 3).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < 300; i++)
                {
                    trader(i + (t * 100));
                }

                Interlocked.Decrement(ref running);
            },
            TaskCreationOptions.LongRunning)).ToArray();
        var reclaimer = Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                while (Volatile.Read(ref running) > 0)
                {
                    reclaim();
                }
            },
            TaskCreationOptions.LongRunning);
        Task.WaitAll([.. traders, reclaimer]);
    }
}
