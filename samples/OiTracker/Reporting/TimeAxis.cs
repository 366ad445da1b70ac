using System;
using System.Collections.Generic;
using System.Globalization;
using OiTracker.Replay;
using OiTracker.Tape;

namespace OiTracker.Reporting;

/// <summary>Maps trading time to x: the sessions laid end to end, nights left out.</summary>
internal sealed class TimeAxis
{
    private readonly TradingSessions _sessions;
    private readonly double _left;
    private readonly double _pixelsPerSecond;

    /// <summary>Creates the axis.</summary>
    /// <param name="sessions">The sessions.</param>
    /// <param name="left">The x of the first session's start.</param>
    /// <param name="right">The x of the last session's end.</param>
    public TimeAxis(TradingSessions sessions, double left, double right)
    {
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _left = left;
        var seconds = sessions.Length.TotalSeconds;
        _pixelsPerSecond = seconds > 0 ? (right - left) / seconds : 0;
    }

    /// <summary>The x of an instant; instants between sessions map to the end of the session before.</summary>
    /// <param name="time">The instant.</param>
    /// <returns>The x.</returns>
    public double X(DateTimeOffset time)
    {
        var offset = 0.0;
        foreach (var (start, end) in _sessions.Windows)
        {
            if (time <= end)
            {
                return _left + ((offset + Math.Max(0, (time - start).TotalSeconds)) * _pixelsPerSecond);
            }

            offset += (end - start).TotalSeconds;
        }

        return _left + (offset * _pixelsPerSecond);
    }

    /// <summary>A tick on every full hour inside the sessions, labelled <c>10:00</c> (and the date on a session's first tick when there are several).</summary>
    /// <returns>The ticks.</returns>
    public IEnumerable<(double X, string Label)> HourTicks()
    {
        foreach (var (start, end) in _sessions.Windows)
        {
            var local = start.ToOffset(TapeRowParser.IndiaOffset);
            var hour = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset).AddHours(1);
            var first = true;
            for (; hour <= end; hour = hour.AddHours(1))
            {
                var label = hour.ToString("HH:mm", CultureInfo.InvariantCulture);
                yield return (X(hour), first && _sessions.Windows.Count > 1 ? hour.ToString("dd MMM ", CultureInfo.InvariantCulture) + label : label);
                first = false;
            }
        }
    }
}
