using System;
using System.Diagnostics;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// A real monotonic clock (every read is a real <see cref="Stopwatch.GetTimestamp"/>) that reports a timestamp
/// frequency 10^8 times lower, so one virtual second passes every 100 ns of real time. A benchmark loop makes
/// millions of decisions a second; on this clock the one-second order-rate window holds about one order, as it
/// would for a live trader, instead of filling up and refusing every order. Cooldowns and reservation timeouts are
/// measured on the same virtual seconds.
/// </summary>
public sealed class AcceleratedClock : TimeProvider
{
    /// <summary>How many times faster than real time the virtual clock runs.</summary>
    public const long Speedup = 100_000_000;

    private static readonly long Frequency = Math.Max(1, Stopwatch.Frequency / Speedup);

    /// <summary>The one instance; it has no state.</summary>
    public static AcceleratedClock Instance { get; } = new();

    /// <inheritdoc/>
    public override long TimestampFrequency => Frequency;

    /// <inheritdoc/>
    public override long GetTimestamp() => Stopwatch.GetTimestamp();
}
