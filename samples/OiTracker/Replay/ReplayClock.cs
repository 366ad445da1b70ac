using System;

namespace OiTracker.Replay;

/// <summary>
/// Virtual time for the replay: it stands still until the replay moves it to the next event, so a whole trading day
/// runs in milliseconds while every cooldown, rate window and reservation timeout sees the tape's own times.
/// </summary>
internal sealed class ReplayClock : TimeProvider
{
    private DateTimeOffset _now;

    /// <summary>Creates a clock standing at <paramref name="start"/>.</summary>
    /// <param name="start">The first instant.</param>
    public ReplayClock(DateTimeOffset start) => _now = start;

    /// <summary>The current virtual instant, with the tape's offset (IST).</summary>
    public DateTimeOffset Now => _now;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    /// <inheritdoc/>
    public override long GetTimestamp() => _now.UtcTicks;

    /// <summary>Moves the clock forward to <paramref name="instant"/>; time never goes back.</summary>
    /// <param name="instant">The new instant.</param>
    /// <exception cref="ArgumentOutOfRangeException">The instant is earlier than now.</exception>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The replay clock stands at {_now:O} and cannot go back.");
        }

        _now = instant;
    }
}
