using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RiskSdk.Gates;

namespace RiskSdk.Benchmarks.OrderRate;

/// <summary>
/// The order-rate limiter at the largest rate the settings allow (<see cref="RiskSettings.MaxOrdersPerSecondLimit"/>,
/// 100,000 a second), against the first wave's exact ring (the baseline): a refusal when the window is full, and the
/// first order on a new exchange (what the exchange's state costs to create, in time and bytes). Timestamps are
/// passed in (10^7 ticks a second), so no clock is read.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class OrderRateBenchmarks
{
    private const string Refusal = "Refusal, window full (100,000/s)";
    private const string FirstOrder = "First order on a new exchange (100,000/s)";
    private const int Limit = RiskSettings.MaxOrdersPerSecondLimit;
    private const long Now = 1_000_000_000;

    private readonly TicksClock _ticks = new();
    private RingOrderRateLimiter _ring = null!;
    private OrderRateLimiter _buckets = null!;

    /// <summary>Fills both limiters' windows for "NSE" (the orders spread over the last half second) and checks the next order is refused.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ring = new RingOrderRateLimiter(Limit, TimeSpan.TicksPerSecond);
        _buckets = new OrderRateLimiter(Limit, _ticks);
        for (var i = 0; i < Limit; i++)
        {
            var at = Now - (TimeSpan.TicksPerSecond / 2) + (i * (TimeSpan.TicksPerSecond / 2 / Limit));
            if (!_ring.TryTake("NSE", at, out _) || !_buckets.TryTake("NSE", at, out _))
            {
                throw new InvalidOperationException("A limiter refused an order below its limit.");
            }
        }

        if (RingRefusal() || BucketRefusal())
        {
            throw new InvalidOperationException("A full window allowed one more order.");
        }
    }

    /// <summary>The first wave's ring refuses: it walks the 100,000 stamps in the window.</summary>
    /// <returns>False.</returns>
    [Benchmark(Baseline = true, Description = "Exact ring (first wave)"), BenchmarkCategory(Refusal)]
    public bool RingRefusal() => _ring.TryTake("NSE", Now, out _);

    /// <summary>The bucketed window refuses.</summary>
    /// <returns>False.</returns>
    [Benchmark(Description = "Bucketed window (OrderRateLimiter)"), BenchmarkCategory(Refusal)]
    public bool BucketRefusal() => _buckets.TryTake("NSE", Now, out _);

    /// <summary>A new ring limiter counts its first order: the exchange's ring is created.</summary>
    /// <returns>True.</returns>
    [Benchmark(Baseline = true, Description = "Exact ring (first wave)"), BenchmarkCategory(FirstOrder)]
    public bool RingFirstOrder() => new RingOrderRateLimiter(Limit, _ticks.TimestampFrequency).TryTake("NSE", Now, out _);

    /// <summary>A new bucketed limiter counts its first order: the exchange's window is created.</summary>
    /// <returns>True.</returns>
    [Benchmark(Description = "Bucketed window (OrderRateLimiter)"), BenchmarkCategory(FirstOrder)]
    public bool BucketFirstOrder() => new OrderRateLimiter(Limit, _ticks).TryTake("NSE", Now, out _);

    /// <summary>A clock of 10^7 ticks a second whose readings are never taken: the benchmarks pass every timestamp.</summary>
    private sealed class TicksClock : TimeProvider
    {
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => throw new InvalidOperationException("The benchmark passes every timestamp.");
    }
}
