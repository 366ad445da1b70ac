using System;
using System.Globalization;

namespace OiTracker.Tape;

/// <summary>
/// Reads the <see cref="TapeColumns.Time"/> column: ISO 8601 with a <c>T</c> or a space, up to seven fraction digits,
/// and an offset (no offset means IST). The shape the generator writes, <c>2026-11-25T09:15:07.250+05:30</c>, is read
/// by hand; any other text goes to <see cref="DateTimeOffset.TryParseExact(ReadOnlySpan{char}, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
/// with the formats below, which decides it. The hand-read path accepts only text those formats accept, with the same
/// result, and leaves everything else (out-of-range fields, other shapes) to them.
/// </summary>
internal static class TapeTime
{
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    /// <summary>Reads a time.</summary>
    /// <param name="text">The column's trimmed text.</param>
    /// <param name="time">The time, with the offset as written (IST when none is written).</param>
    /// <param name="problem">What is wrong, when it is not a time.</param>
    /// <returns>True when it is a time.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time, out string problem)
    {
        problem = string.Empty;
        if (TryParseCommonShape(text, out time) ||
            DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = new DateTimeOffset(local, TapeRowParser.IndiaOffset);
            return true;
        }

        problem = $"{TapeColumns.Time} '{text}' is not an ISO 8601 time such as 2026-11-25T09:15:07+05:30";
        return false;
    }

    /// <summary>
    /// <c>yyyy-MM-dd</c>, <c>T</c> or a space, <c>HH:mm:ss</c>, optionally <c>.</c> and 1 to 7 digits, then <c>+HH:mm</c>
    /// or <c>-HH:mm</c>, every field in range; false for anything else, which the formats then read or refuse.
    /// </summary>
    private static bool TryParseCommonShape(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        const int fractionStart = 20;
        if (text.Length < 25 || text[4] != '-' || text[7] != '-' || text[10] is not ('T' or ' ') || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        var fractionDigits = 0;
        if (text[19] == '.')
        {
            while (fractionStart + fractionDigits < text.Length && char.IsAsciiDigit(text[fractionStart + fractionDigits]))
            {
                fractionDigits++;
            }

            if (fractionDigits is 0 or > 7)
            {
                return false;
            }
        }

        var zone = fractionDigits == 0 ? 19 : fractionStart + fractionDigits;
        if (text.Length != zone + 6 || text[zone] is not ('+' or '-') || text[zone + 3] != ':')
        {
            return false;
        }

        if (!TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day) ||
            !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second) ||
            !TryDigits(text.Slice(zone + 1, 2), out var offsetHours) || !TryDigits(text.Slice(zone + 4, 2), out var offsetMinutes) ||
            !TryDigits(text.Slice(fractionStart, fractionDigits), out var fraction))
        {
            return false;
        }

        // Years 1 and 9999 are left to the formats: there the offset can push the instant outside DateTimeOffset's range.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
        {
            return false;
        }

        for (var i = fractionDigits; i < 7; i++)
        {
            fraction *= 10;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        var clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        time = new DateTimeOffset(clock, text[zone] == '-' ? -offset : offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
