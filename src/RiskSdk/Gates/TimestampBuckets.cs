using System;
using System.Numerics;

namespace RiskSdk.Gates;

/// <summary>
/// Turns a clock's timestamps into bucket numbers, exactly: bucket = floor(timestamp x buckets per second / ticks per
/// second). A take computes one on every order, so for the timestamps a real clock gives (not negative, not near the
/// end of the range) it is a multiplication, a shift and, for divisors that are not powers of two, a multiply-high by a
/// reciprocal computed once (Granlund and Montgomery, "Division by invariant integers using multiplication", 1994,
/// figure 4.1: exact for every 64-bit dividend); no division instruction. Other timestamps (a test clock's negative
/// ones) take a 128-bit division.
/// </summary>
internal readonly struct TimestampBuckets
{
    /// <summary>Bucket numbers are kept within plus or minus this, so a span end or a difference of two never overflows.</summary>
    internal const long Limit = 1L << 61;

    private readonly long _ticksPerSecond;
    private readonly int _bucketsPerSecond;

    /// <summary>Buckets per second over their common divisor with the ticks per second: the timestamp is multiplied by it.</summary>
    private readonly long _multiplier;

    /// <summary>Ticks per second over the same common divisor: the product is divided by it.</summary>
    private readonly ulong _divisor;

    /// <summary>The largest timestamp the fast path takes: its product fits and its bucket is within <see cref="Limit"/>.</summary>
    private readonly long _fastUpTo;

    /// <summary>The reciprocal of <see cref="_divisor"/> (its fraction above 2^64), or 0 when the divisor is a power of two.</summary>
    private readonly ulong _reciprocal;

    /// <summary>The final shift: log2 of the divisor for a power of two; ceil(log2) - 1 with the reciprocal.</summary>
    private readonly int _shift;

    /// <summary>Prepares the conversion for a clock.</summary>
    /// <param name="ticksPerSecond">The clock's <see cref="TimeProvider.TimestampFrequency"/>.</param>
    /// <param name="bucketsPerSecond">How many buckets one second is cut into.</param>
    public TimestampBuckets(long ticksPerSecond, int bucketsPerSecond)
    {
        if (ticksPerSecond < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ticksPerSecond), ticksPerSecond, "A clock's timestamp frequency must be positive.");
        }

        _ticksPerSecond = ticksPerSecond;
        _bucketsPerSecond = bucketsPerSecond;
        var common = GreatestCommonDivisor(ticksPerSecond, bucketsPerSecond);
        _multiplier = bucketsPerSecond / common;
        _divisor = (ulong)(ticksPerSecond / common);
        _fastUpTo = (long)Int128.Min(long.MaxValue / _multiplier, (Int128)Limit * (Int128)_divisor / _multiplier);
        if (BitOperations.IsPow2(_divisor))
        {
            _shift = BitOperations.Log2(_divisor);
        }
        else
        {
            var ceilingLog2 = 64 - BitOperations.LeadingZeroCount(_divisor - 1);
            _reciprocal = (ulong)((UInt128.One << (64 + ceilingLog2)) / _divisor - (UInt128.One << 64) + 1);
            _shift = ceilingLog2 - 1;
        }
    }

    /// <summary>The bucket <paramref name="timestamp"/> falls in, clamped to plus or minus <see cref="Limit"/>.</summary>
    /// <param name="timestamp">A reading of the clock.</param>
    /// <returns>floor(timestamp x buckets per second / ticks per second).</returns>
    public long Of(long timestamp)
    {
        if ((ulong)timestamp > (ulong)_fastUpTo)
        {
            return Exactly(timestamp);
        }

        var product = (ulong)(timestamp * _multiplier);
        if (_reciprocal == 0)
        {
            return (long)(product >> _shift);
        }

        var high = Math.BigMul(_reciprocal, product, out _);
        return (long)((high + ((product - high) >> 1)) >> _shift);
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>The same floor by a 128-bit division, for negative timestamps and those past the fast path's range.</summary>
    private long Exactly(long timestamp)
    {
        var product = (Int128)timestamp * _bucketsPerSecond;
        var bucket = Int128.DivRem(product, _ticksPerSecond) is var (quotient, remainder) && remainder < 0 ? quotient - 1 : quotient;
        return (long)Int128.Clamp(bucket, -Limit, Limit);
    }
}
