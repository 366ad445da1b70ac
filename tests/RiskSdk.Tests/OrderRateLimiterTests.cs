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

    /// <summary>A clock of any resolution that reads what the tape sets.</summary>
    private sealed class ManualClock(long frequency) : TimeProvider
    {
        public long Now { get; set; }

        public override long TimestampFrequency => frequency;

        public override long GetTimestamp() => Now;
    }
}
