using System;
using System.Globalization;

namespace OiTracker.Reporting;

/// <summary>Formats durations for people: <c>2h 05m 10s</c>, <c>4m 30s</c>, <c>0s</c>.</summary>
internal static class DurationText
{
    /// <summary>Formats a duration, to the second.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)Math.Round(duration.TotalSeconds);
        var (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}h {minutes:D2}m {rest:D2}s")
            : minutes > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m {rest:D2}s")
                : string.Create(CultureInfo.InvariantCulture, $"{rest}s");
    }
}
