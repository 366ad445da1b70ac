using System;
using System.Collections.Generic;
using System.Globalization;

namespace RiskSdk.Configuration;

/// <summary>
/// Describes one environment variable of a generated settings class: enough to print a reference table, to write
/// <c>docs/configuration.md</c>, and to say what a valid value looks like in a problem message.
/// </summary>
public sealed class VariableDescription
{
    /// <summary>The full variable name, prefix included (<c>OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The property the variable binds to.</summary>
    public required string PropertyName { get; init; }

    /// <summary>How the value is parsed.</summary>
    public required VariableKind Kind { get; init; }

    /// <summary>True when the property is nullable: unset (or empty) means null, which turns the setting off.</summary>
    public bool IsOptional { get; init; }

    /// <summary>True when the variable must be set.</summary>
    public bool IsRequired { get; init; }

    /// <summary>True when the value must never be shown.</summary>
    public bool IsSecret { get; init; }

    /// <summary>The default, formatted in the invariant culture; null when the default is null (the setting is off).</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The smallest allowed value (seconds for <see cref="VariableKind.Seconds"/>); null when unbounded.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest allowed value (seconds for <see cref="VariableKind.Seconds"/>); null when unbounded.</summary>
    public double? Maximum { get; init; }

    /// <summary>True when <see cref="Minimum"/> itself is not allowed.</summary>
    public bool MinimumIsExclusive { get; init; }

    /// <summary>True when <see cref="Maximum"/> itself is not allowed.</summary>
    public bool MaximumIsExclusive { get; init; }

    /// <summary>For <see cref="VariableKind.Enum"/>: the accepted names (matched case-insensitively).</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = Array.Empty<string>();

    /// <summary>What the variable does (the property's XML documentation summary).</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>A condition under which the variable becomes required, for example <c>required when OI_TRACKER_RISK_LEDGER is redis</c>; null when none.</summary>
    public string? Requirement { get; init; }

    /// <summary>The name of the type for people: <c>integer</c>, <c>number</c>, <c>seconds</c>, <c>boolean</c>, ...</summary>
    public string TypeName => Kind switch
    {
        VariableKind.Boolean => "boolean",
        VariableKind.WholeNumber or VariableKind.LongInteger => "integer",
        VariableKind.Number => "number",
        VariableKind.DecimalNumber => "decimal",
        VariableKind.Seconds => "seconds",
        VariableKind.Enum => "enum",
        _ => "string",
    };

    /// <summary>The allowed values as a phrase, empty when anything of the type is allowed: <c>0 to 1000</c>, <c>at least 1</c>, <c>conservative | moderate</c>.</summary>
    public string AllowedRange
    {
        get
        {
            if (Kind == VariableKind.Enum)
            {
                return string.Join(" | ", AllowedValues);
            }

            if (Kind == VariableKind.Boolean)
            {
                return "true | false";
            }

            var min = Minimum is { } low ? Format(low) : null;
            var max = Maximum is { } high ? Format(high) : null;
            return (min, max) switch
            {
                (not null, not null) when !MinimumIsExclusive && !MaximumIsExclusive => min + " to " + max,
                (not null, not null) => (MinimumIsExclusive ? "greater than " : "at least ") + min + " and " + (MaximumIsExclusive ? "less than " : "at most ") + max,
                (not null, null) => (MinimumIsExclusive ? "greater than " : "at least ") + min,
                (null, not null) => (MaximumIsExclusive ? "less than " : "at most ") + max,
                _ => Kind == VariableKind.Seconds ? "at least 0" : string.Empty,
            };
        }
    }

    /// <summary>What a valid value looks like, as used in problem messages: <c>an integer from 0 to 1000</c>.</summary>
    public string Expected
    {
        get
        {
            var noun = Kind switch
            {
                VariableKind.Boolean => "true or false (also 1/0, yes/no)",
                VariableKind.WholeNumber or VariableKind.LongInteger => "an integer",
                VariableKind.Number => "a number",
                VariableKind.DecimalNumber => "a decimal number",
                VariableKind.Seconds => "a number of seconds",
                VariableKind.Enum => "one of " + string.Join(", ", AllowedValues),
                _ => "a value",
            };
            if (Kind is VariableKind.Boolean or VariableKind.Enum or VariableKind.Text)
            {
                return noun;
            }

            var range = AllowedRange;
            if (range.Length == 0)
            {
                return noun;
            }

            return noun + (range.StartsWith("at ", StringComparison.Ordinal) || range.StartsWith("greater", StringComparison.Ordinal) || range.StartsWith("less", StringComparison.Ordinal)
                ? " " + range
                : " from " + range);
        }
    }

    /// <summary>Whether <paramref name="value"/> lies inside <see cref="Minimum"/> and <see cref="Maximum"/>.</summary>
    /// <param name="value">The value (seconds for durations).</param>
    /// <returns>True when allowed.</returns>
    public bool IsInRange(double value)
    {
        if (Minimum is { } min && (MinimumIsExclusive ? value <= min : value < min))
        {
            return false;
        }

        return Maximum is not { } max || (MaximumIsExclusive ? value < max : value <= max);
    }

    /// <summary>
    /// Whether a 64-bit integer lies inside <see cref="Minimum"/> and <see cref="Maximum"/>, compared exactly: a value
    /// past 2^53 is not rounded to a double first (9007199254740993 is above a maximum of 9007199254740992).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>True when allowed.</returns>
    public bool IsInRange(long value)
    {
        if (Minimum is { } min && (MinimumIsExclusive ? Compare(value, min) <= 0 : Compare(value, min) < 0))
        {
            return false;
        }

        return Maximum is not { } max || (MaximumIsExclusive ? Compare(value, max) < 0 : Compare(value, max) <= 0);
    }

    /// <summary>The sign of <paramref name="value"/> minus <paramref name="bound"/>, without rounding either.</summary>
    private static int Compare(long value, double bound)
    {
        // 2^63 is the first double above long.MaxValue; -2^63 is long.MinValue exactly.
        const double TwoTo63 = 9223372036854775808d;
        if (double.IsNaN(bound))
        {
            return 0;
        }

        if (bound >= TwoTo63)
        {
            return -1;
        }

        if (bound < -TwoTo63)
        {
            return 1;
        }

        var whole = Math.Floor(bound);
        var integer = (long)whole;
        return value != integer ? value.CompareTo(integer) : (bound == whole ? 0 : -1);
    }

    /// <summary>Shows <paramref name="value"/> as it may be printed: masked for a secret.</summary>
    /// <param name="value">The raw or formatted value; null when unset.</param>
    /// <returns><c>***</c> for a set secret, the value otherwise.</returns>
    public string? Mask(string? value) => IsSecret && value is not null ? "***" : value;

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
