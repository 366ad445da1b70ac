using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RiskSdk.Gates;

namespace RiskSdk.Benchmarks.OrderRate;

/// <summary>
/// What one counted order costs the order-rate limiter, by where its reading falls against the newest bucket counted:
/// in it (a stream of 2,000 orders a bucket, 40,000 a second, under the 100,000 limit), one bucket later (the span moves
/// on), or a second and a bucket later (every order has left; the decision benchmarks' accelerated clock puts every
/// decision there). Each operation moves a field-read clock (10^7 ticks a second) on by its step and takes one order.
/// Only the public <see cref="OrderRateLimiter.TryTake(string, out int)"/> is called, so the same file measures an
/// earlier limiter too: there is no baseline row, compare two runs.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class OrderRateTakeBenchmarks
{
    private const long TicksPerBucket = TimeSpan.TicksPerSecond / OrderRateLimiter.BucketsPerSecond;

    private readonly Stepper _sameBucket = new(TicksPerBucket / 2_000);
    private readonly Stepper _nextBucket = new(TicksPerBucket);
    private readonly Stepper _nextSpan = new(TimeSpan.TicksPerSecond + TicksPerBucket);

    /// <summary>Takes a few orders on each path and checks every one was counted.</summary>
    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < 10_000; i++)
        {
            if (!InNewestBucket() || !OneBucketLater() || !ASecondLater())
            {
                throw new InvalidOperationException("The limiter refused an order below its limit.");
            }
        }
    }

    /// <summary>An order whose reading falls in the newest bucket (one in 2,000 moves the span on).</summary>
    /// <returns>True.</returns>
    [Benchmark(Description = "Order in the newest bucket"), BenchmarkCategory("Take")]
    public bool InNewestBucket() => _sameBucket.Take();

    /// <summary>An order one bucket after the last: the span moves on by one bucket.</summary>
    /// <returns>True.</returns>
    [Benchmark(Description = "Order one bucket after the last"), BenchmarkCategory("Take")]
    public bool OneBucketLater() => _nextBucket.Take();

    /// <summary>An order a second and a bucket after the last: the span starts again.</summary>
    /// <returns>True.</returns>
    [Benchmark(Description = "Order a second after the last"), BenchmarkCategory("Take")]
    public bool ASecondLater() => _nextSpan.Take();

    /// <summary>A limiter at the largest rate the settings accept, on a clock each take moves on by a fixed step.</summary>
    private sealed class Stepper : TimeProvider
    {
        private readonly long _step;
        private readonly OrderRateLimiter _limiter;
        private long _now = 1_000_000_000;

        public Stepper(long step)
        {
            _step = step;
            _limiter = new OrderRateLimiter(RiskSettings.MaxOrdersPerSecondLimit, this);
        }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _now;

        public bool Take()
        {
            _now += _step;
            return _limiter.TryTake("NSE", out _);
        }
    }
}
