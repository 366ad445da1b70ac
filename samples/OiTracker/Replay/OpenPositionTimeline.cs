using System;
using System.Collections.Generic;

namespace OiTracker.Replay;

/// <summary>Open positions on one exchange over time, as a step function: each point holds until the next.</summary>
internal sealed class OpenPositionTimeline
{
    private readonly List<(DateTimeOffset Time, int Open)> _points = [];

    /// <summary>The steps, in time order (a count of zero is implied before the first).</summary>
    public IReadOnlyList<(DateTimeOffset Time, int Open)> Points => _points;

    /// <summary>The most positions open at once.</summary>
    public int Maximum
    {
        get
        {
            var maximum = 0;
            foreach (var (_, open) in _points)
            {
                maximum = Math.Max(maximum, open);
            }

            return maximum;
        }
    }

    /// <summary>Records the count from <paramref name="time"/> on.</summary>
    /// <param name="time">When it changed.</param>
    /// <param name="open">The new count.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is earlier than the last step recorded.</exception>
    public void Record(DateTimeOffset time, int open)
    {
        if (_points.Count > 0 && time < _points[^1].Time)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"The timeline's last step is at {_points[^1].Time:O}; steps must be recorded in time order.");
        }

        if (_points.Count > 0 && _points[^1].Time == time)
        {
            _points[^1] = (time, open);
        }
        else if (_points.Count == 0 || _points[^1].Open != open)
        {
            _points.Add((time, open));
        }
    }

    /// <summary>How long, inside the sessions, the count satisfied <paramref name="condition"/>.</summary>
    /// <param name="sessions">The trading sessions.</param>
    /// <param name="condition">The test on the count.</param>
    /// <returns>The total time.</returns>
    public TimeSpan TimeWhere(TradingSessions sessions, Func<int, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(condition);
        var total = TimeSpan.Zero;
        foreach (var (from, to, open) in Segments(sessions))
        {
            if (condition(open))
            {
                total += to - from;
            }
        }

        return total;
    }

    /// <summary>The time-weighted average count over the sessions.</summary>
    /// <param name="sessions">The trading sessions.</param>
    /// <returns>The average; zero when the sessions are empty.</returns>
    public double Average(TradingSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        double weighted = 0;
        foreach (var (from, to, open) in Segments(sessions))
        {
            weighted += (to - from).TotalSeconds * open;
        }

        var length = sessions.Length.TotalSeconds;
        return length > 0 ? weighted / length : 0;
    }

    /// <summary>The step function cut to the sessions: pieces of constant count.</summary>
    /// <param name="sessions">The trading sessions.</param>
    /// <returns>The pieces, in time order.</returns>
    /// <remarks>
    /// Each session starts from the count in force at its start, found by binary search, and walks only the steps
    /// inside it, so a run of many sessions costs the steps plus a logarithm per session (scanning every step from
    /// the first for each session made a 2,400-session tape spend most of its replay here).
    /// </remarks>
    public IEnumerable<(DateTimeOffset From, DateTimeOffset To, int Open)> Segments(TradingSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        foreach (var (start, end) in sessions.Windows)
        {
            var next = FirstStepAfter(start);
            var open = next > 0 ? _points[next - 1].Open : 0;
            var from = start;
            for (; next < _points.Count && _points[next].Time < end; next++)
            {
                var (time, count) = _points[next];
                yield return (from, time, open);
                from = time;
                open = count;
            }

            yield return (from, end, open);
        }
    }

    /// <summary>The index of the first step later than <paramref name="instant"/>; the step count when there is none.</summary>
    private int FirstStepAfter(DateTimeOffset instant)
    {
        int low = 0, high = _points.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_points[middle].Time <= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
