using System;
using System.Numerics;
using CsCheck;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The order-rate limiter's bucket numbers, computed without a division instruction on the common path, against the
/// floor of the exact quotient: on clocks of every resolution (powers of two, the common decimal ones, primes, the
/// benchmarks' 10 ticks a second, random ones), at timestamps around zero, around multiples of a bucket and a second,
/// and across the whole range of a <see cref="long"/>.
/// </summary>
public sealed class TimestampBucketsTests
{
    private const int Buckets = OrderRateLimiter.BucketsPerSecond;

    private static readonly Gen<long> Frequencies = Gen.OneOf(
        Gen.OneOfConst(1L, 2L, 3L, 7L, 10L, 20L, 64L, 1_000L, 1_024L, 10_000_000L, 1_000_000_000L, 1_000_000_007L, 1L << 40, long.MaxValue),
        Gen.Long[1, long.MaxValue],
        Gen.Long[1, 1_000_000_000_000L]);

    [Fact]
    public void Every_timestamp_falls_in_the_bucket_of_the_exact_floor()
    {
        Gen.Select(Frequencies, Gen.Long, Gen.Long[-1_000_000, 1_000_000], Gen.Int[-3, 3])
            .Sample((frequency, anywhere, near, nudge) =>
            {
                var buckets = new TimestampBuckets(frequency, Buckets);
                foreach (var timestamp in new[] { anywhere, near, OnABoundary(frequency, near, nudge), long.MaxValue, long.MinValue, 0, -1, 1 })
                {
                    if (buckets.Of(timestamp) != Expected(timestamp, frequency))
                    {
                        return false;
                    }
                }

                return true;
            }, iter: 20_000);
    }

    [Theory]
    [InlineData(20L)]
    [InlineData(30L)]
    [InlineData(1_000L)]
    [InlineData(10_000_000L)]
    [InlineData(1_000_000_000L)]
    public void A_bucket_starts_exactly_where_its_share_of_a_second_does(long frequency)
    {
        var buckets = new TimestampBuckets(frequency, Buckets);
        for (long bucket = -50; bucket <= 50; bucket++)
        {
            // The first tick at or after bucket/20 s, and the tick before it (a clock of 20 ticks a second or more has a tick in every bucket).
            var start = FirstTickOf(bucket, frequency);
            Assert.Equal(bucket, buckets.Of(start));
            Assert.Equal(bucket - 1, buckets.Of(start - 1));
        }
    }

    /// <summary>floor(timestamp x 20 / frequency) in arbitrary precision, clamped as the product documents.</summary>
    private static long Expected(long timestamp, long frequency)
    {
        var quotient = BigInteger.DivRem((BigInteger)timestamp * Buckets, frequency, out var remainder);
        if (remainder < 0)
        {
            quotient--;
        }

        return (long)BigInteger.Clamp(quotient, -TimestampBuckets.Limit, TimestampBuckets.Limit);
    }

    /// <summary>A timestamp a few ticks from where a bucket starts.</summary>
    private static long OnABoundary(long frequency, long bucket, int nudge)
    {
        var start = (BigInteger)FirstTickOf(bucket, frequency) + nudge;
        return (long)BigInteger.Clamp(start, long.MinValue, long.MaxValue);
    }

    /// <summary>ceil(bucket x frequency / 20): the first tick in the bucket.</summary>
    private static long FirstTickOf(long bucket, long frequency)
    {
        var product = (BigInteger)bucket * frequency;
        var quotient = BigInteger.DivRem(product, Buckets, out var remainder);
        if (remainder > 0)
        {
            quotient++;
        }

        return (long)BigInteger.Clamp(quotient, long.MinValue, long.MaxValue);
    }
}
