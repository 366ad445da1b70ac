using System;
using System.Runtime.CompilerServices;
using System.Threading;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// The two interleavings of a reclaim with takes that let the order-rate limiter count more than its limit in one
/// second (found by <see cref="OrderRateRaceTests"/> on a loaded machine), each forced step by step: a reclaim that
/// read the clock before an order was counted and given back, and a thread that creates the exchange's fresh window
/// after being descheduled while another window came and went. In both, an order kept in the reclaimed window and
/// one counted in the fresh window must be more than a span (<see cref="OrderRateLimiter.BucketsPerSecond"/> buckets)
/// apart.
/// </summary>
public sealed class OrderRateReclaimRaceTests
{
    private const int Buckets = OrderRateLimiter.BucketsPerSecond;

    [Fact]
    public void A_reclaim_that_read_the_clock_before_an_order_was_counted_and_given_back_keeps_the_window()
    {
        // One tick, one bucket. The kept order, in bucket 0, counts against every order up to bucket 20.
        var clock = new PausingClock(Buckets);
        var limiter = new OrderRateLimiter(1, clock);
        var first = new DecisionClock(clock);
        Assert.True(limiter.TryTake("NSE", ref first, out _, out var kept));

        // A decision reads bucket 5 and is descheduled until after the reclaim.
        clock.Now = 5;
        var late = new DecisionClock(clock);
        late.GetTimestamp();

        // The reclaim reads bucket 5 too and is descheduled before it looks at the window; meanwhile an order at
        // bucket 21 (a span after the kept one, so the span starts again there) is counted and given back: the window
        // counts nothing at its newest bucket, but the kept order has not left the span of the reclaim's reading.
        clock.AfterNextReading = () =>
        {
            clock.Now = Buckets + 1;
            var next = new DecisionClock(clock);
            Assert.True(limiter.TryTake("NSE", ref next, out _, out var given));
            limiter.Untake("NSE", given);
        };
        var freed = limiter.ReclaimIdle();

        // Freeing the window there would start the exchange's fresh one at bucket 5, 5 buckets after the kept order.
        var taken = limiter.TryTake("NSE", ref late, out var count, out var countedIn);
        Assert.True(
            !taken || countedIn - kept > Buckets,
            $"Limit 1: the order kept in bucket {kept} and one counted in bucket {countedIn} (count {count}) after a reclaim at bucket 5 that freed {freed} window(s) share a span.");

        // Once every order has left the span of a reclaim's reading, the window is freed.
        clock.Now = countedIn + Buckets + 1;
        Assert.Equal(1, limiter.ReclaimIdle());
        Assert.Equal(0, limiter.CountLastSecond("NSE"));
    }

    [Fact]
    public void A_fresh_window_created_after_another_came_and_was_reclaimed_starts_after_that_reclaim()
    {
        // One tick, one bucket; no window yet. A trader reads bucket 0 and goes to create the exchange's window.
        var clock = new PausingClock(Buckets);
        var limiter = new OrderRateLimiter(1, clock);
        var read = false;
        clock.AfterNextReading = () => Volatile.Write(ref read, true);
        var (taken, countedIn, kept) = (false, long.MinValue, long.MinValue);
        var trader = new Thread(() =>
        {
            var decision = new DecisionClock(clock);
            taken = limiter.TryTake("NSE", ref decision, out _, out countedIn);
        });

        // The table's write lock, held here, stands for that trader being descheduled on its way to create the window,
        // its reading taken: it waits on the lock (blocked for good, not in passing) until this body returns.
        Windows(limiter).WhileClosed(
            (_, _) =>
            {
                trader.Start();
                var deadline = DateTime.UtcNow.AddSeconds(30);
                var blockedPolls = 0;
                while (blockedPolls < 5 && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(2);
                    blockedPolls = Volatile.Read(ref read) && (trader.ThreadState & ThreadState.WaitSleepJoin) != 0 ? blockedPolls + 1 : 0;
                }

                Assert.True(blockedPolls == 5, "The trader never waited on the table's lock.");

                // Meanwhile (the lock is re-entrant on this thread) another trader's window counts an order at bucket 3,
                // and a reclaim at bucket 24, when that order has left the span, frees the window.
                clock.Now = 3;
                var other = new DecisionClock(clock);
                Assert.True(limiter.TryTake("NSE", ref other, out _, out kept));
                clock.Now = kept + Buckets + 1;
                Assert.Equal(1, limiter.ReclaimIdle());
            },
            0);

        // The trader creates the fresh window now. Started at its reading (bucket 0; it read no reclaim before waiting),
        // its order would count 3 buckets before the kept one: it starts at the reclaim, bucket 24.
        Assert.True(trader.Join(TimeSpan.FromSeconds(30)), "The trader did not finish.");
        Assert.True(taken, "The trader's order was refused in a fresh window.");
        Assert.True(
            Math.Abs(countedIn - kept) > Buckets,
            $"Limit 1: the order kept in bucket {kept} (its window reclaimed at bucket {kept + Buckets + 1}) and the waiting trader's, counted in bucket {countedIn}, share a span.");
    }

    /// <summary>The limiter's table of windows, whose write lock the test holds.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_windows")]
    private static extern ref ScopeTable<OrderRateWindow> Windows(OrderRateLimiter limiter);

    /// <summary>
    /// One tick, one bucket at 20 ticks a second; a reader can be descheduled right after a reading: the action runs
    /// once, after the next reading is taken and before it is returned (what other threads do meanwhile).
    /// </summary>
    private sealed class PausingClock(long frequency) : TimeProvider
    {
        public long Now { get; set; }

        public Action? AfterNextReading { get; set; }

        public override long TimestampFrequency => frequency;

        public override long GetTimestamp()
        {
            var now = Now;
            var paused = AfterNextReading;
            AfterNextReading = null;
            paused?.Invoke();
            return now;
        }
    }
}
