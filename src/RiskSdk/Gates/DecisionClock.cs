using System;

namespace RiskSdk.Gates;

/// <summary>
/// One decision's reading of the clock: the first gate (or the book) that needs the time reads
/// <see cref="TimeProvider.GetTimestamp"/>, and every gate and the book after it get the same reading. A pipeline
/// creates one per decision and passes it by <see langword="ref"/>; a decision that needs no time never reads the clock.
/// </summary>
/// <remarks>A <see langword="ref struct"/>: it lives on the decision's stack, so deciding allocates nothing and a reading cannot outlive its decision.</remarks>
public ref struct DecisionClock
{
    private readonly TimeProvider? _time;
    private long _timestamp;
    private bool _read;

    /// <summary>Creates an unread clock over <paramref name="time"/>.</summary>
    /// <param name="time">The clock to read, on first use only.</param>
    public DecisionClock(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _timestamp = 0;
        _read = false;
    }

    /// <summary>True once the clock was read for this decision.</summary>
    public readonly bool IsRead => _read;

    /// <summary>The decision's timestamp: read from the clock on the first call, the same value on every call after.</summary>
    /// <returns>A <see cref="TimeProvider.GetTimestamp"/> reading of the clock the decision runs on.</returns>
    /// <exception cref="InvalidOperationException">The clock is <see langword="default"/>: it has no <see cref="TimeProvider"/>.</exception>
    public long GetTimestamp()
    {
        if (!_read)
        {
            _timestamp = (_time ?? throw new InvalidOperationException("A default DecisionClock has no TimeProvider; create it with new DecisionClock(time).")).GetTimestamp();
            _read = true;
        }

        return _timestamp;
    }

    /// <summary>True when this clock reads <paramref name="time"/>, so its reading may stand for a reading of <paramref name="time"/>.</summary>
    /// <param name="time">The clock a book or gate keeps its own time on.</param>
    /// <returns>True for the same <see cref="TimeProvider"/> instance.</returns>
    public readonly bool Reads(TimeProvider time) => ReferenceEquals(_time, time);
}
