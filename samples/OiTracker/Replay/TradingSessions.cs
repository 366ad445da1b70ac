using System;
using System.Collections.Generic;
using OiTracker.Tape;

namespace OiTracker.Replay;

/// <summary>
/// The trading sessions a tape covers: for each IST date, 09:15 to 15:30, stretched to include any event outside
/// those hours. Time between sessions (nights, weekends) counts for nothing in averages and durations.
/// </summary>
internal sealed class TradingSessions
{
    /// <summary>When the NSE and BSE equity-derivatives session opens, IST.</summary>
    public static readonly TimeSpan Open = new(9, 15, 0);

    /// <summary>When it closes, IST.</summary>
    public static readonly TimeSpan Close = new(15, 30, 0);

    private TradingSessions(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> windows) => Windows = windows;

    /// <summary>The sessions, in order.</summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Windows { get; }

    /// <summary>The total trading time.</summary>
    public TimeSpan Length
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var (start, end) in Windows)
            {
                total += end - start;
            }

            return total;
        }
    }

    /// <summary>The sessions cut at <paramref name="instant"/>: a replay stopped there measures nothing after it.</summary>
    /// <param name="instant">Where the replay stopped.</param>
    /// <returns>The windows that began by then, each ending at the latest then.</returns>
    public TradingSessions Until(DateTimeOffset instant)
    {
        var windows = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (start, end) in Windows)
        {
            if (start < instant)
            {
                windows.Add((start, end < instant ? end : instant));
            }
        }

        return new TradingSessions(windows);
    }

    /// <summary>Finds the sessions of a tape's events.</summary>
    /// <param name="events">The events, in time order.</param>
    /// <returns>The sessions; none for an empty tape.</returns>
    public static TradingSessions Of(IReadOnlyList<TapeEvent> events)
    {
        var windows = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var row in events)
        {
            var local = row.Time.ToOffset(TapeRowParser.IndiaOffset);
            var date = new DateTimeOffset(local.Date, TapeRowParser.IndiaOffset);
            if (windows.Count == 0 || windows[^1].Start.Date != local.Date)
            {
                var start = date + Open < local ? date + Open : local;
                windows.Add((start, date + Close > local ? date + Close : local));
            }
            else if (windows[^1].End < local)
            {
                windows[^1] = (windows[^1].Start, local);
            }
        }

        return new TradingSessions(windows);
    }
}
