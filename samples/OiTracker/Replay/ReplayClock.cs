using System;
using System.Threading;

namespace OiTracker.Replay;

/// <summary>
/// Virtual time for the replay: it stands still until the replay moves it to the next event, so a whole trading day
/// runs in milliseconds while every cooldown, rate window and reservation timeout sees the tape's own times. Given a
/// <see cref="ReplayPace"/>, each move first waits the virtual gap divided by the pace's speed, so a person can watch.
/// </summary>
/// <remarks>
/// Only the replay's thread moves the clock; <see cref="GetUtcNow"/> and <see cref="GetTimestamp"/> may be read from
/// any thread (a status page reads them while the replay runs), so the instant is also published as one 64-bit value.
/// </remarks>
internal sealed class ReplayClock : TimeProvider
{
    private readonly ReplayPace? _pace;
    private DateTimeOffset _now;
    private long _utcTicks;

    /// <summary>Creates a clock standing at <paramref name="start"/>.</summary>
    /// <param name="start">The first instant.</param>
    /// <param name="pace">How fast virtual time may pass in real time; null for as fast as the replay runs.</param>
    public ReplayClock(DateTimeOffset start, ReplayPace? pace = null)
    {
        _now = start;
        _utcTicks = start.UtcTicks;
        _pace = pace;
    }

    /// <summary>The current virtual instant, with the tape's offset (IST). Read on the replay's thread.</summary>
    public DateTimeOffset Now => _now;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _utcTicks), TimeSpan.Zero);

    /// <inheritdoc/>
    public override long GetTimestamp() => Volatile.Read(ref _utcTicks);

    /// <summary>Moves the clock forward to <paramref name="instant"/>; time never goes back.</summary>
    /// <param name="instant">The new instant.</param>
    /// <exception cref="ArgumentOutOfRangeException">The instant is earlier than now.</exception>
    /// <exception cref="OperationCanceledException">The pace was cancelled while waiting.</exception>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The replay clock stands at {_now:O} and cannot go back.");
        }

        _pace?.Wait(instant - _now);
        _now = instant;
        Volatile.Write(ref _utcTicks, instant.UtcTicks);
    }
}
