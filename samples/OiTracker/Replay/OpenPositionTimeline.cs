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
    public void Record(DateTimeOffset time, int open)
    {
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
    public IEnumerable<(DateTimeOffset From, DateTimeOffset To, int Open)> Segments(TradingSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        foreach (var (start, end) in sessions.Windows)
        {
            var open = 0;
            var from = start;
            foreach (var (time, count) in _points)
            {
                if (time <= start)
                {
                    open = count;
                    continue;
                }

                if (time >= end)
                {
                    break;
                }

                yield return (from, time, open);
                from = time;
                open = count;
            }

            yield return (from, end, open);
        }
    }
}
