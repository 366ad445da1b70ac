using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The bucketed order-rate window: never more than the limit in any one-second interval, and a refusal only when the
/// limit was reached within the documented span (one second plus one bucket).
/// </summary>
public sealed class OrderRateLimiterTests
{
    private const int Buckets = OrderRateLimiter.BucketsPerSecond;

    /// <summary>
    /// Timestamps on clocks of different resolutions (10 ticks a second, where a bucket is half a tick, up to 10^9),
    /// reached by gaps of nothing, a fraction of a bucket, about a bucket, about a second, or a long pause.
    /// </summary>
    private static readonly Gen<(int Limit, long Frequency, long Start, long[] Gaps)> Tapes =
        Gen.Select(
            Gen.OneOf(Gen.Int[1, 6], Gen.Int[7, 60]),
            Gen.OneOfConst(10L, 1_000L, 10_000_000L, 1_000_000_000L),
            Gen.Long[-5_000_000_000L, 5_000_000_000L],
            Gen.Int[0, 4].SelectMany(kind => Gen.Double[0, 1].Select(share => (kind, share))).Array[1, 400])
        .Select(t => (t.Item1, t.Item2, t.Item3, t.Item4.Select(g => Gap(g.kind, g.share, t.Item2)).ToArray()));

    [Fact]
    public void No_one_second_interval_ever_holds_more_orders_than_the_limit()
    {
        Tapes.Sample(tape =>
        {
            var accepted = Replay(tape, out _);
            var oneSecond = tape.Frequency;
            var first = 0;
            for (var last = 0; last < accepted.Count; last++)
            {
                while (accepted[last] - accepted[first] >= oneSecond)
                {
                    first++;
                }

                if (last - first + 1 > tape.Limit)
                {
                    return false;
                }
            }

            return true;
        }, iter: 2_000);
    }

    [Fact]
    public void An_order_is_refused_only_when_the_limit_was_reached_in_the_last_second_and_one_bucket()
    {
        Tapes.Sample(tape =>
        {
            var accepted = Replay(tape, out var refused);
            foreach (var at in refused)
            {
                // Orders inside (at - 1 s - one bucket, at]: multiplied out by the bucket count to stay in integers.
                var recent = accepted.Count(taken => taken <= at && taken * Buckets > (at * Buckets) - (tape.Frequency * (Buckets + 1)));
                if (recent < tape.Limit)
                {
                    return false;
                }
            }

            return true;
        }, iter: 2_000);
    }

    [Fact]
    public void After_a_full_burst_the_next_order_waits_at_most_one_bucket_longer_than_a_second()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(3, clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.TryTake("NSE", out _));
        }

        clock.Elapse(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - 1));
        Assert.False(limiter.TryTake("NSE", out var seen));
        Assert.Equal(3, seen);
        clock.Elapse(TimeSpan.FromTicks(1 + (TimeSpan.TicksPerSecond / Buckets)));
        Assert.True(limiter.TryTake("NSE", out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(RiskSettings.MaxOrdersPerSecondLimit)]
    public void At_any_limit_a_refusal_reports_the_orders_counted_against_the_limit(int limit)
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(limit, clock);
        for (var i = 0; i < limit; i++)
        {
            Assert.True(limiter.TryTake("NSE", out _));
            clock.Elapse(TimeSpan.FromTicks(1));
        }

        Assert.False(limiter.SurelyHasRoom("NSE"));
        Assert.False(limiter.TryTake("NSE", out var seen));
        Assert.Equal(limit, seen);
        Assert.Equal(limit, limiter.CountLastSecond("NSE"));
    }

    [Fact]
    public void Eight_threads_at_one_instant_get_exactly_the_limit()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(500, clock);
        var taken = 0;
        using var start = new Barrier(8);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5_000; i++)
            {
                if (limiter.TryTake("NSE", out _))
                {
                    Interlocked.Increment(ref taken);
                }
            }
        });

        Assert.Equal(500, taken);
        Assert.Equal(500, limiter.CountLastSecond("NSE"));
    }

    [Fact]
    public void Exchanges_are_counted_apart()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(1, clock);
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.True(limiter.TryTake("BSE", out _));
        Assert.False(limiter.TryTake("NSE", out _));
        Assert.True(limiter.SurelyHasRoom("MCX"));
        Assert.Equal(0, limiter.CountLastSecond("MCX"));
    }

    [Fact]
    public void An_order_given_back_in_the_newest_bucket_frees_its_room_once()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(2, clock);
        var decision = new DecisionClock(clock);
        Assert.True(limiter.TryTake("NSE", ref decision, out _, out var countedIn));
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.False(limiter.TryTake("NSE", out _));

        limiter.Untake("NSE", countedIn);
        Assert.Equal(1, limiter.CountLastSecond("NSE"));
        limiter.Untake("NSE", countedIn);
        limiter.Untake("NSE", countedIn);
        Assert.Equal(0, limiter.CountLastSecond("NSE"));
        Assert.True(limiter.SurelyHasRoom("NSE"));
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.False(limiter.TryTake("NSE", out var seen));
        Assert.Equal(2, seen);
    }

    [Fact]
    public void An_order_given_back_from_an_older_bucket_of_the_span_frees_its_room_until_its_bucket_leaves()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(2, clock);
        var first = new DecisionClock(clock);
        Assert.True(limiter.TryTake("NSE", ref first, out _, out var countedIn));
        clock.Elapse(TimeSpan.FromSeconds(0.5));
        Assert.True(limiter.TryTake("NSE", out _));

        // The first order's bucket is behind the newest now: it is given back from the span's older buckets.
        limiter.Untake("NSE", countedIn);
        limiter.Untake("NSE", countedIn);
        Assert.Equal(1, limiter.CountLastSecond("NSE"));
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.False(limiter.TryTake("NSE", out _));

        // Once a bucket has left the span, giving back an order counted in it changes nothing.
        clock.Elapse(TimeSpan.FromSeconds(1.2));
        var gone = new DecisionClock(clock);
        Assert.True(limiter.TryTake("NSE", ref gone, out var count, out var newest));
        Assert.Equal(0, count);
        limiter.Untake("NSE", newest - Buckets - 1);
        Assert.Equal(1, limiter.CountLastSecond("NSE"));
    }

    [Fact]
    public void The_span_moves_on_bucket_by_bucket_dropping_exactly_the_buckets_that_leave()
    {
        // A clock of 20 ticks a second: one tick, one bucket. Orders in buckets 0, 5 and 20; bucket 0 leaves at 21.
        var clock = new ManualClock(Buckets);
        var limiter = new OrderRateLimiter(3, clock);
        foreach (var bucket in new[] { 0L, 5, 20 })
        {
            clock.Now = bucket;
            Assert.True(limiter.TryTake("NSE", out _));
        }

        Assert.False(limiter.TryTake("NSE", out var full));
        Assert.Equal(3, full);
        clock.Now = 21;
        Assert.Equal(2, limiter.CountLastSecond("NSE"));
        Assert.True(limiter.TryTake("NSE", out var seen));
        Assert.Equal(2, seen);
        Assert.False(limiter.TryTake("NSE", out _));
        clock.Now = 26;
        Assert.True(limiter.TryTake("NSE", out seen));
        Assert.Equal(2, seen);

        // A whole span after the newest order: the span starts again, holding the new order alone.
        clock.Now = 26 + Buckets + 1;
        var later = new DecisionClock(clock);
        Assert.False(limiter.SurelyHasRoom("NSE"));
        Assert.True(limiter.SurelyHasRoom("NSE", ref later));
        Assert.True(limiter.TryTake("NSE", out seen));
        Assert.Equal(0, seen);
        Assert.Equal(1, limiter.CountLastSecond("NSE"));
    }

    [Fact]
    public void A_window_whose_bucket_numbers_run_out_hands_its_counts_to_a_successor()
    {
        // One tick, one bucket, so the window's range of bucket numbers (2^46 from its first) is reached by the clock.
        var clock = new ManualClock(Buckets);
        var limiter = new OrderRateLimiter(2, clock);
        Assert.True(limiter.TryTake("NSE", out _));

        // The last bucket the window can number, then three buckets past it: the order before still counts.
        clock.Now = OrderRateWindow.MaxNewest;
        var last = new DecisionClock(clock);
        Assert.True(limiter.TryTake("NSE", ref last, out var count, out var lastBucket));
        Assert.Equal(0, count);
        clock.Now += 3;
        Assert.True(limiter.TryTake("NSE", out count));
        Assert.Equal(1, count);
        Assert.False(limiter.TryTake("NSE", out count));
        Assert.Equal(2, count);
        Assert.Equal(1, limiter.Count);

        // Its counts went with it, bucket by bucket: the older order can be given back in the successor.
        limiter.Untake("NSE", lastBucket);
        Assert.Equal(1, limiter.CountLastSecond("NSE"));
        Assert.True(limiter.TryTake("NSE", out _));

        // Far past every range, with nothing left to count: the successor starts empty.
        clock.Now = long.MaxValue / 4;
        Assert.True(limiter.TryTake("NSE", out count));
        Assert.Equal(0, count);
        Assert.True(limiter.TryTake("NSE", out count));
        Assert.Equal(1, count);
        Assert.False(limiter.TryTake("NSE", out _));
    }

    private static List<long> Replay((int Limit, long Frequency, long Start, long[] Gaps) tape, out List<long> refused)
    {
        var clock = new ManualClock(tape.Frequency) { Now = tape.Start };
        var limiter = new OrderRateLimiter(tape.Limit, clock);
        var accepted = new List<long>();
        refused = new List<long>();
        foreach (var gap in tape.Gaps)
        {
            clock.Now += gap;
            (limiter.TryTake("NSE", out _) ? accepted : refused).Add(clock.Now);
        }

        return accepted;
    }

    private static long Gap(int kind, double share, long frequency) => kind switch
    {
        0 => 0,
        1 => (long)(share * frequency / Buckets),
        2 => (long)((0.5 + share) * frequency / Buckets),
        3 => (long)((0.9 + (share * 0.2)) * frequency),
        _ => (long)(share * 3 * frequency),
    };

    [Fact]
    public void The_count_moves_on_when_the_clock_timestamp_wraps_past_its_largest_value()
    {
        // Numbered from the raw timestamp, the wrap read as a jump back of centuries: every later order was refused
        // for good as "2 orders in the last second".
        var clock = new ManualClock(1_000_000_000) { Now = long.MaxValue - 500_000_000 };
        var limiter = new OrderRateLimiter(2, clock);
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.False(limiter.TryTake("NSE", out _));

        clock.Now = unchecked(clock.Now + 2_000_000_000);
        Assert.True(clock.Now < 0);
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.False(limiter.TryTake("NSE", out var count));
        Assert.Equal(2, count);
    }

    /// <summary>A clock of any resolution that reads what the tape sets.</summary>
    private sealed class ManualClock(long frequency) : TimeProvider
    {
        public long Now { get; set; }

        public override long TimestampFrequency => frequency;

        public override long GetTimestamp() => Now;
    }
}
