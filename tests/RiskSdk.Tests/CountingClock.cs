using System;

namespace RiskSdk.Tests;

/// <summary>A manual monotonic clock that counts how often it is read.</summary>
internal sealed class CountingClock : TimeProvider
{
    private long _ticks = 1_000_000_000;

    public int Reads { get; private set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        Reads++;
        return _ticks;
    }

    public void Elapse(TimeSpan time) => _ticks += time.Ticks;

    /// <summary>The next reading, without counting it.</summary>
    public long Peek() => _ticks;
}
