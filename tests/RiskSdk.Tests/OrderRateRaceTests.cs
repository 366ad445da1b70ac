using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The order-rate limiter's lock-free take under threads: several traders share one exchange and a clock they move on
/// (within a bucket, by a few buckets, past a whole second), some give their order back as a refused admission does,
/// and a reclaimer frees the window whenever it is idle. From the buckets the limiter reports each order counted in,
/// no span of <see cref="OrderRateLimiter.BucketsPerSecond"/> + 1 buckets (which covers any one-second interval) may
/// hold more than the limit, the count read meanwhile never leaves 0 to the limit, and the final count is exactly the
/// orders still in the span. Nothing here depends on how fast the threads run.
/// </summary>
public sealed class OrderRateRaceTests
{
    private const int Buckets = OrderRateLimiter.BucketsPerSecond;

    /// <summary>Milliseconds: a bucket is 50 ticks.</summary>
    private const long Frequency = 1_000;

    private const int Traders = 4;

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(5, false, false)]
    [InlineData(5, true, false)]
    [InlineData(50, true, false)]
    [InlineData(5, true, true)]
    [InlineData(50, false, true)]
    public void Racing_traders_never_put_more_than_the_limit_in_one_second(int limit, bool giveBack, bool reclaim)
    {
        for (var round = 0; round < 10; round++)
        {
            var clock = new SharedClock(Frequency) { Start = -3_000 + (round * 977) };
            var limiter = new OrderRateLimiter(limit, clock);
            var records = Hammer(
                limiter,
                clock,
                (ref DecisionClock decision, out long countedIn) => limiter.TryTake("NSE", ref decision, out _, out countedIn),
                countedIn => limiter.Untake("NSE", countedIn),
                seed: round,
                giveBack,
                reclaim,
                out var fewestSeen,
                out var mostSeen);
            AssertNeverOverTheLimit(limit, limiter, clock, records, fewestSeen, mostSeen, $"round {round}");
        }
    }

    /// <summary>
    /// The same race through the gate a pipeline admits with: its take counts most orders in one inlined
    /// compare-and-swap and leaves the rest (the span moving on, a retired window, a lost race, the limit) to the full
    /// take; its undo gives a refused admission's order back.
    /// </summary>
    [Theory]
    [InlineData(1, false, false)]
    [InlineData(5, true, false)]
    [InlineData(50, true, false)]
    [InlineData(5, true, true)]
    [InlineData(50, false, true)]
    public void Racing_admissions_through_the_gate_never_put_more_than_the_limit_in_one_second(int limit, bool giveBack, bool reclaim)
    {
        var intent = TestRig.Signal();
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        for (var round = 0; round < 10; round++)
        {
            var clock = new SharedClock(Frequency) { Start = -3_000 + (round * 977) };
            using var context = new RiskContext(new RiskSettings { MaxOrdersPerSecond = limit }, timeProvider: clock);
            var gate = new OrderRateGate(context);
            var records = Hammer(
                context.OrderRate,
                clock,
                (ref DecisionClock decision, out long countedIn) =>
                {
                    var passed = gate.TryTake(in intent, in slot, ref decision, out var receipt).IsPassed;
                    Assert.Equal(passed, receipt.Taken);
                    countedIn = receipt.Value;
                    return passed;
                },
                countedIn => gate.Undo(in intent, new AdmissionReceipt(countedIn, 0, Taken: true)),
                seed: round,
                giveBack,
                reclaim,
                out var fewestSeen,
                out var mostSeen);
            AssertNeverOverTheLimit(limit, context.OrderRate, clock, records, fewestSeen, mostSeen, $"round {round}");
        }
    }

    /// <summary>Counts one order for a trader at the decision's reading; true with the bucket it was counted in.</summary>
    private delegate bool Taker(ref DecisionClock decision, out long countedIn);

    /// <summary>One trader's take (+1) or give-back (-1) at one step: the bucket of the decision's reading and the one the limiter counted the order in.</summary>
    private readonly record struct Order(int Trader, int Step, long Read, long Bucket, int Change);

    private static void AssertNeverOverTheLimit(int limit, OrderRateLimiter limiter, SharedClock clock, List<Order>[] records, int fewestSeen, int mostSeen, string run)
    {
        if (fewestSeen < 0 || mostSeen > limit)
        {
            Assert.Fail($"{run}: the reader saw counts from {fewestSeen} to {mostSeen}; the limit is {limit}.");
        }

        var net = new SortedDictionary<long, int>();
        foreach (var order in records.SelectMany(r => r))
        {
            net[order.Bucket] = net.GetValueOrDefault(order.Bucket) + order.Change;
        }

        // Slide a span of 21 buckets over the buckets that hold orders.
        var buckets = net.ToArray();
        var inSpan = 0;
        for (int first = 0, last = 0; last < buckets.Length; last++)
        {
            if (buckets[last].Value < 0)
            {
                Assert.Fail($"{run}: bucket {buckets[last].Key} holds {buckets[last].Value} orders.{Around(records, buckets[last].Key)}");
            }

            inSpan += buckets[last].Value;
            while (buckets[first].Key <= buckets[last].Key - (Buckets + 1))
            {
                inSpan -= buckets[first++].Value;
            }

            if (inSpan > limit)
            {
                Assert.Fail($"{run}: {inSpan} orders counted in buckets {buckets[last].Key - Buckets}..{buckets[last].Key}; the limit is {limit}.{Around(records, buckets[last].Key)}");
            }
        }

        var now = BucketOf(clock.GetTimestamp());
        var expected = buckets.Where(e => e.Key > now - (Buckets + 1)).Sum(e => e.Value);
        var counted = limiter.CountLastSecond("NSE");
        if (counted != expected)
        {
            Assert.Fail($"{run}: the limiter counts {counted} orders in buckets {now - Buckets}..{now}, the records {expected}.{Around(records, now)}");
        }
    }

    /// <summary>The records in the span ending at <paramref name="bucket"/>, the two spans before it and the one after, one a line, by trader and step.</summary>
    private static string Around(List<Order>[] records, long bucket) =>
        string.Concat(records.SelectMany(r => r)
            .Where(order => order.Bucket > bucket - (3 * (Buckets + 1)) && order.Bucket <= bucket + Buckets + 1)
            .OrderBy(order => order.Trader).ThenBy(order => order.Step)
            .Select(order => $"{Environment.NewLine}  trader {order.Trader} step {order.Step}: read bucket {order.Read}, {(order.Change > 0 ? "counted in" : "given back from")} {order.Bucket}"));

    [Fact]
    public void Threads_racing_the_span_onto_a_new_bucket_get_exactly_the_room_left()
    {
        for (var round = 0; round < 100; round++)
        {
            var clock = new SharedClock(Frequency);
            var limiter = new OrderRateLimiter(3, clock);
            Assert.True(limiter.TryTake("NSE", out _));
            Assert.True(limiter.TryTake("NSE", out _));

            // One bucket on: one thread moves the span (under the lock) while the others take lock-free; one order fits.
            clock.Advance(Frequency / Buckets);
            Assert.Equal(1, RaceTakes(limiter));

            // A second on: the first bucket's two orders leave as the span moves, the second's one stays; two fit.
            clock.Advance(Frequency);
            Assert.Equal(2, RaceTakes(limiter));

            // A second and a bucket on: every order has left, the span starts again; the limit fits.
            clock.Advance(Frequency + (Frequency / Buckets));
            Assert.Equal(3, RaceTakes(limiter));
            Assert.Equal(3, limiter.CountLastSecond("NSE"));
        }
    }

    /// <summary>Many more takes than can fit, on every trader thread at once, at one reading of the clock; returns how many were counted.</summary>
    private static int RaceTakes(OrderRateLimiter limiter)
    {
        var counted = 0;
        Parallel.For(0, Traders * 4, new ParallelOptions { MaxDegreeOfParallelism = Traders }, _ =>
        {
            if (limiter.TryTake("NSE", out _))
            {
                Interlocked.Increment(ref counted);
            }
        });

        return counted;
    }

    /// <summary>Runs the traders (and the reader, which also reclaims when asked) to completion; each trader's records are its orders taken (+1) and given back (-1); the reader's counts seen come back as their least and most.</summary>
    private static List<Order>[] Hammer(OrderRateLimiter limiter, SharedClock clock, Taker take, Action<long> giveBackOrder, int seed, bool giveBack, bool reclaim, out int fewestSeen, out int mostSeen)
    {
        var records = Enumerable.Range(0, Traders).Select(_ => new List<Order>()).ToArray();
        var (fewest, most) = (int.MaxValue, int.MinValue);
        var running = Traders;
        using var start = new Barrier(Traders + 1);
        var traders = Enumerable.Range(0, Traders).Select(t => Task.Factory.StartNew(
            () =>
            {
                var random = new Random((seed * Traders) + t);
                start.SignalAndWait();
                for (var i = 0; i < 20_000; i++)
                {
                    var step = random.Next(100);
                    if (step < 15)
                    {
                        // Within the bucket or a few buckets on: the span moves on while others take.
                        clock.Advance(random.Next(0, 3 * (int)(Frequency / Buckets)));
                    }
                    else if (step == 15)
                    {
                        // A pause of a second or more: every order leaves, and the span starts again.
                        clock.Advance(Frequency + random.Next(0, (int)Frequency));
                    }

                    var decision = new DecisionClock(clock);
                    if (take(ref decision, out var countedIn))
                    {
                        var read = BucketOf(decision.GetTimestamp());
                        records[t].Add(new Order(t, i, read, countedIn, 1));
                        if (giveBack && random.Next(4) == 0)
                        {
                            giveBackOrder(countedIn);
                            records[t].Add(new Order(t, i, read, countedIn, -1));
                        }
                    }
                }

                Interlocked.Decrement(ref running);
            },
            TaskCreationOptions.LongRunning)).ToArray();
        var reader = Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                while (Volatile.Read(ref running) > 0)
                {
                    var seen = limiter.CountLastSecond("NSE");
                    (fewest, most) = (Math.Min(fewest, seen), Math.Max(most, seen));
                    if (reclaim)
                    {
                        limiter.ReclaimIdle();
                    }
                }
            },
            TaskCreationOptions.LongRunning);
        Task.WaitAll([.. traders, reader]);
        (fewestSeen, mostSeen) = fewest <= most ? (fewest, most) : (0, 0);
        return records;
    }

    /// <summary>floor(timestamp x buckets per second / frequency), written out here rather than taken from the product.</summary>
    private static long BucketOf(long timestamp) => (long)Math.Floor(timestamp * (double)Buckets / Frequency);

    /// <summary>A clock the threads move on together; readings never go back.</summary>
    private sealed class SharedClock(long frequency) : TimeProvider
    {
        private long _now;

        public long Start
        {
            init => _now = value;
        }

        public override long TimestampFrequency => frequency;

        public override long GetTimestamp() => Volatile.Read(ref _now);

        public void Advance(long ticks) => Interlocked.Add(ref _now, ticks);
    }
}
