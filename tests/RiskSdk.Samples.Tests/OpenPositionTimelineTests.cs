using System;
using System.Linq;
using OiTracker.Replay;
using OiTracker.Tape;
using Xunit;
using static RiskSdk.Samples.Tests.HandWrittenTape;

namespace RiskSdk.Samples.Tests;

public sealed class OpenPositionTimelineTests
{
    private static readonly TimeSpan Ist = TapeRowParser.IndiaOffset;

    [Fact]
    public void Each_session_starts_from_the_count_in_force_at_its_open_and_cuts_at_its_close()
    {
        // Three sessions (25, 26 and 27 Nov, 09:15-15:30 IST). Positions stay open overnight, one step falls exactly
        // on an open and one between sessions; the count in force carries into the next session.
        var sessions = TradingSessions.Of(Read(
            Signal("09:20:00", "A"),
            Signal("2026-11-26T10:00:00", "B"),
            Signal("2026-11-27T11:00:00", "C")).Events);
        var timeline = new OpenPositionTimeline();
        timeline.Record(At(25, 10, 0), 1);
        timeline.Record(At(25, 16, 0), 2);
        timeline.Record(At(26, 9, 15), 3);
        timeline.Record(At(26, 12, 0), 1);
        timeline.Record(At(26, 20, 0), 0);

        var segments = timeline.Segments(sessions).ToArray();

        Assert.Equal(
            new[]
            {
                (At(25, 9, 15), At(25, 10, 0), 0),
                (At(25, 10, 0), At(25, 15, 30), 1),
                (At(26, 9, 15), At(26, 12, 0), 3),
                (At(26, 12, 0), At(26, 15, 30), 1),
                (At(27, 9, 15), At(27, 15, 30), 0),
            },
            segments);
        Assert.Equal(TimeSpan.FromHours(2.75), timeline.TimeWhere(sessions, static open => open >= 3));
    }

    [Fact]
    public void A_long_run_of_sessions_adds_up_to_the_steps_inside_them()
    {
        // A count of 1 from midnight and 2 from noon, every day for 400 days: each session opens at the count of the
        // step before it (1, set at midnight) and has one step inside it (2 at noon).
        var rows = Enumerable.Range(0, 400).Select(static day => Signal(FormattableString.Invariant($"{new DateOnly(2026, 11, 25).AddDays(day):yyyy-MM-dd}T09:20:00"), FormattableString.Invariant($"S{day}"))).ToArray();
        var sessions = TradingSessions.Of(Read(rows).Events);
        var timeline = new OpenPositionTimeline();
        var first = At(25, 0, 0);
        for (var hour = 0; hour < 400 * 24; hour++)
        {
            timeline.Record(first.AddHours(hour), hour % 24 < 12 ? 1 : 2);
        }

        // 09:15-12:00 at 1, 12:00-15:30 at 2, every day.
        Assert.Equal(400 * 2, timeline.Segments(sessions).Count());
        Assert.Equal(TimeSpan.FromHours(400 * 3.5), timeline.TimeWhere(sessions, static open => open == 2));
        Assert.Equal(((2.75 * 1) + (3.5 * 2)) / 6.25, timeline.Average(sessions), 9);
    }

    [Fact]
    public void A_step_earlier_than_the_last_one_is_refused()
    {
        var timeline = new OpenPositionTimeline();
        timeline.Record(At(25, 10, 0), 1);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => timeline.Record(At(25, 9, 59), 2));

        Assert.Contains("time order", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(timeline.Points).Open);
    }

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, Ist);
}
