using System;
using System.ComponentModel;
using System.Globalization;

namespace RiskSdk.Generated;

/// <summary>Formats setting values the way variables are written: invariant culture, durations in seconds, enums in lower case.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueFormatter
{
    /// <summary>Formats a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The text, or null for null.</returns>
    public static string? Format<T>(T value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        TimeSpan duration => duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        Enum member => member.ToString().ToLowerInvariant(),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
