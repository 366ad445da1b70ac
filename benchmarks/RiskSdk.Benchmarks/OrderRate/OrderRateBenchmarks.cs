using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RiskSdk.Gates;

namespace RiskSdk.Benchmarks.OrderRate;

/// <summary>
/// The order-rate limiter at the largest rate the settings allow (<see cref="RiskSettings.MaxOrdersPerSecondLimit"/>,
/// 100,000 a second), against the first wave's exact ring (the baseline): a refusal when the window is full, and the
/// first order on a new exchange (what the exchange's state costs to create, in time and bytes). The clock is a field
/// read (10^7 ticks a second) that the setup moves and the benchmarks hold still; the ring is handed the same reading.
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
            _ticks.Now = Now - (TimeSpan.TicksPerSecond / 2) + (i * (TimeSpan.TicksPerSecond / 2 / Limit));
            if (!_ring.TryTake("NSE", _ticks.GetTimestamp(), out _) || !_buckets.TryTake("NSE", out _))
            {
                throw new InvalidOperationException("A limiter refused an order below its limit.");
            }
        }

        _ticks.Now = Now;

        if (RingRefusal() || BucketRefusal())
        {
            throw new InvalidOperationException("A full window allowed one more order.");
        }
    }

    /// <summary>The first wave's ring refuses: it walks the 100,000 stamps in the window.</summary>
    /// <returns>False.</returns>
    [Benchmark(Baseline = true, Description = "Exact ring (first wave)"), BenchmarkCategory(Refusal)]
    public bool RingRefusal() => _ring.TryTake("NSE", _ticks.GetTimestamp(), out _);

    /// <summary>The bucketed window refuses.</summary>
    /// <returns>False.</returns>
    [Benchmark(Description = "Bucketed window (OrderRateLimiter)"), BenchmarkCategory(Refusal)]
    public bool BucketRefusal() => _buckets.TryTake("NSE", out _);

    /// <summary>A new ring limiter counts its first order: the exchange's ring is created.</summary>
    /// <returns>True.</returns>
    [Benchmark(Baseline = true, Description = "Exact ring (first wave)"), BenchmarkCategory(FirstOrder)]
    public bool RingFirstOrder() => new RingOrderRateLimiter(Limit, _ticks.TimestampFrequency).TryTake("NSE", _ticks.GetTimestamp(), out _);

    /// <summary>A new bucketed limiter counts its first order: the exchange's window is created.</summary>
    /// <returns>True.</returns>
    [Benchmark(Description = "Bucketed window (OrderRateLimiter)"), BenchmarkCategory(FirstOrder)]
    public bool BucketFirstOrder() => new OrderRateLimiter(Limit, _ticks).TryTake("NSE", out _);

    /// <summary>A clock of 10^7 ticks a second that reads a field: what the setup set.</summary>
    private sealed class TicksClock : TimeProvider
    {
        public long Now { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;
    }
}
