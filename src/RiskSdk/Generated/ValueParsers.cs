using System;
using System.ComponentModel;
using System.Globalization;
using RiskSdk.Configuration;

namespace RiskSdk.Generated;

/// <summary>
/// The strict, invariant-culture parsers generated settings use: no thousands separators, no trailing text
/// (<c>0.95x</c>, <c>5min</c>), no NaN or infinity, no overflow, no negative durations, and the declared range.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueParsers
{
    private static readonly ParseFailure OutOfRange = new(ProblemKind.OutOfRange, "is out of range");

    /// <summary>true/false, 1/0, yes/no, in any case.</summary>
    public static readonly ValueParser<bool> Boolean = ParseBoolean;

    /// <summary>A 32-bit integer.</summary>
    public static readonly ValueParser<int> WholeNumber = ParseInt32;

    /// <summary>A 64-bit integer.</summary>
    public static readonly ValueParser<long> LongInteger = ParseInt64;

    /// <summary>A finite number.</summary>
    public static readonly ValueParser<double> Number = ParseDouble;

    /// <summary>A decimal number.</summary>
    public static readonly ValueParser<decimal> DecimalNumber = ParseDecimal;

    /// <summary>A non-negative number of seconds.</summary>
    public static readonly ValueParser<TimeSpan> Seconds = ParseSeconds;

    /// <summary>Creates a parser that accepts the variable's <see cref="VariableDescription.AllowedValues"/>, in any case, and never a number.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="values">The enum values, in the order of <see cref="VariableDescription.AllowedValues"/>.</param>
    /// <returns>The parser.</returns>
    public static ValueParser<TEnum> Enum<TEnum>(TEnum[] values)
        where TEnum : struct, Enum =>
        (string text, VariableDescription variable, out TEnum value, out ParseFailure failure) =>
        {
            for (var i = 0; i < variable.AllowedValues.Count && i < values.Length; i++)
            {
                if (string.Equals(text, variable.AllowedValues[i], StringComparison.OrdinalIgnoreCase))
                {
                    value = values[i];
                    failure = default;
                    return true;
                }
            }

            value = default;
            failure = new ParseFailure(ProblemKind.Malformed, "is not a known value");
            return false;
        };

    private static bool ParseBoolean(string text, VariableDescription variable, out bool value, out ParseFailure failure)
    {
        // Ordinal ignoring case, as enum names are matched: ToUpperInvariant would read "falſe" (long s) as FALSE.
        failure = default;
        if (IsAnyOf(text, "true", "1", "yes"))
        {
            value = true;
            return true;
        }

        if (IsAnyOf(text, "false", "0", "no"))
        {
            value = false;
            return true;
        }

        value = false;
        failure = new ParseFailure(ProblemKind.Malformed, "is not a boolean");
        return false;
    }

    private static bool IsAnyOf(string text, string a, string b, string c) =>
        string.Equals(text, a, StringComparison.OrdinalIgnoreCase) || string.Equals(text, b, StringComparison.OrdinalIgnoreCase) || string.Equals(text, c, StringComparison.OrdinalIgnoreCase);

    private static bool ParseInt32(string text, VariableDescription variable, out int value, out ParseFailure failure)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            failure = IntegerFailure(text, "32-bit");
            return false;
        }

        return CheckRange(variable, value, out failure);
    }

    private static bool ParseInt64(string text, VariableDescription variable, out long value, out ParseFailure failure)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            failure = IntegerFailure(text, "64-bit");
            return false;
        }

        failure = variable.IsInRange(value) ? default : OutOfRange;
        return failure == default;
    }

    private static bool ParseDouble(string text, VariableDescription variable, out double value, out ParseFailure failure)
    {
        if (!TryParseFinite(text, out value, out failure))
        {
            return false;
        }

        return CheckRange(variable, value, out failure);
    }

    private static bool ParseDecimal(string text, VariableDescription variable, out decimal value, out ParseFailure failure)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            failure = new ParseFailure(ProblemKind.Malformed, IsNumberShaped(text) ? "is too large for a decimal" : "is not a decimal number");
            return false;
        }

        return CheckRange(variable, (double)value, out failure);
    }

    private static bool ParseSeconds(string text, VariableDescription variable, out TimeSpan value, out ParseFailure failure)
    {
        value = TimeSpan.Zero;
        if (!TryParseFinite(text, out var seconds, out failure))
        {
            return false;
        }

        if (seconds < 0)
        {
            failure = new ParseFailure(ProblemKind.OutOfRange, "is negative");
            return false;
        }

        if (seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            failure = new ParseFailure(ProblemKind.OutOfRange, "is too long for a duration");
            return false;
        }

        // The range applies to the duration the gates will use, rounded to 100 ns ticks: 0.00000004 s is 0.
        value = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        if (!variable.IsInRange(value.TotalSeconds))
        {
            failure = value.TotalSeconds == seconds ? OutOfRange : new ParseFailure(ProblemKind.OutOfRange, "is out of range once rounded to 100 ns ticks (" + ValueFormatter.Format(value) + " s)");
            return false;
        }

        return true;
    }

    private static bool TryParseFinite(string text, out double value, out ParseFailure failure)
    {
        failure = default;
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            failure = new ParseFailure(ProblemKind.Malformed, "is not a number");
            return false;
        }

        if (!double.IsFinite(value))
        {
            failure = new ParseFailure(ProblemKind.Malformed, "is not a finite number");
            return false;
        }

        return true;
    }

    private static bool CheckRange(VariableDescription variable, double value, out ParseFailure failure)
    {
        failure = variable.IsInRange(value) ? default : OutOfRange;
        return failure == default;
    }

    private static ParseFailure IntegerFailure(string text, string width) => IsNumberShaped(text) && text.IndexOfAny(['.', 'e', 'E']) < 0
        ? new ParseFailure(ProblemKind.OutOfRange, "is too large for a " + width + " integer")
        : new ParseFailure(ProblemKind.Malformed, "is not an integer");

    private static bool IsNumberShaped(string text)
    {
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (!((c is '-' or '+' && i == 0) || c is '.' or 'e' or 'E'))
            {
                return false;
            }
        }

        return digits > 0;
    }
}
