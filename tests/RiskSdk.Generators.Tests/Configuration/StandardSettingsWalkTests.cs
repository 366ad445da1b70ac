using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using RiskSdk.Configuration;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>
/// Walks every standard setting from the one description on <see cref="RiskSettings"/>: a value in the environment,
/// the bound settings, and the value a gate reads from its <see cref="RiskContext"/>; and the same value set in code.
/// Binding, <see cref="RiskSettings.Validate"/> and the context accept and refuse exactly the same values.
/// </summary>
public sealed class StandardSettingsWalkTests
{
    public static TheoryData<string, string, bool> Cases()
    {
        var cases = new TheoryData<string, string, bool>();
        foreach (var variable in TrackerSettings.Variables)
        {
            foreach (var (text, accepted) in Values(variable))
            {
                cases.Add(variable.Name, text, accepted);
            }
        }

        return cases;
    }

    [Fact]
    public void Every_standard_setting_is_walked()
    {
        var walked = Cases().Select(c => (string)c[0]).Distinct().Count();

        Assert.Equal(typeof(RiskSettings).GetProperties().Count(p => p.GetCustomAttribute<EnvironmentVariableAttribute>() is not null), walked);
        Assert.Equal(walked, TrackerSettings.Variables.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Binding_the_runtime_and_the_gates_accept_and_refuse_the_same_values(string name, string text, bool accepted)
    {
        var variable = TrackerSettings.Variables.Single(v => v.Name == name);
        var property = typeof(RiskSettings).GetProperty(variable.PropertyName)!;
        var environment = new Dictionary<string, string?> { [name] = text };
        foreach (var (partner, partnerText) in Partners(variable, text))
        {
            environment[partner] = partnerText;
        }

        var result = TrackerSettings.Bind(environment);

        Assert.Equal(!accepted, result.Errors.Any(p => p.Variable == name));
        if (accepted)
        {
            Assert.True(result.TryGetSettings(out var bound), string.Join("; ", result.Errors));
            var context = new RiskContext(bound.ToRiskSettings());
            Assert.Equal(Expected(variable, property.PropertyType, text), property.GetValue(context.Settings));
        }

        if (TryConvert(variable, property.PropertyType, text, out var value))
        {
            var inCode = new RiskSettings();
            property.SetValue(inCode, value);
            foreach (var (partner, partnerText) in Partners(variable, text))
            {
                var other = TrackerSettings.Variables.Single(v => v.Name == partner);
                var otherProperty = typeof(RiskSettings).GetProperty(other.PropertyName)!;
                Assert.True(TryConvert(other, otherProperty.PropertyType, partnerText, out var otherValue));
                otherProperty.SetValue(inCode, otherValue);
            }

            Assert.Equal(!accepted, inCode.Validate().Any(p => p.Setting == variable.PropertyName));
            if (!accepted)
            {
                Assert.Throws<ArgumentException>(() => new RiskContext(inCode));
            }
        }
    }

    private static IEnumerable<(string Text, bool Accepted)> Values(VariableDescription variable)
    {
        switch (variable.Kind)
        {
            case VariableKind.Boolean:
                return new[] { ("true", true), ("false", true), ("maybe", false) };
            case VariableKind.Enum:
                return variable.AllowedValues.Select(v => (v, true)).Append(("unknown", false));
            case VariableKind.Text:
                return new[] { ("value", true) };
        }

        var values = new List<(string, bool)> { ("1.5x", false) };
        var step = variable.Kind == VariableKind.WholeNumber ? 1 : 0.001;
        if (variable.Minimum is { } min)
        {
            values.Add((Text(min), !variable.MinimumIsExclusive));
            values.Add((Text(min - step), false));
            if (variable.MinimumIsExclusive)
            {
                values.Add((Text(min + step), true));
            }
        }

        if (variable.Maximum is { } max)
        {
            values.Add((Text(max), !variable.MaximumIsExclusive));
            values.Add((Text(max + step), false));
        }
        else
        {
            values.Add(("1e300", true));
        }

        if (variable.Kind == VariableKind.Seconds && variable.Minimum == 0 && variable.MinimumIsExclusive)
        {
            values.Add(("0.00000004", false)); // rounds to zero 100 ns ticks: refused at binding, not thrown later
            values.Add(("0.0000001", true));
        }

        if (variable.IsOptional)
        {
            values.Add((string.Empty, true));
        }

        return values;
    }

    /// <summary>The settings a cross-field rule ties to this one, set so that an accepted value stays accepted.</summary>
    private static IEnumerable<(string Name, string Text)> Partners(VariableDescription variable, string text)
    {
        if (variable.PropertyName == nameof(RiskSettings.Ledger) && text == "redis")
        {
            yield return (TrackerSettings.Variables.Single(v => v.PropertyName == nameof(RiskSettings.LedgerConnection)).Name, "localhost:6379");
        }

        var pairs = new[]
        {
            ("MaxOpenPositions", "MaxOpenPositionsHighConfidence"),
            ("MinConfidence", "HighConfidenceThreshold"),
        };
        foreach (var (low, high) in pairs)
        {
            var partner = variable.PropertyName == low ? high : variable.PropertyName == high ? low : null;
            if (partner is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                yield return (TrackerSettings.Variables.Single(v => v.PropertyName == partner).Name, text);
            }
        }
    }

    private static object? Expected(VariableDescription variable, Type type, string text) =>
        TryConvert(variable, type, text, out var value) ? value : throw new InvalidOperationException(text);

    private static bool TryConvert(VariableDescription variable, Type type, string text, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        if (text.Length == 0)
        {
            return Nullable.GetUnderlyingType(type) is not null || !type.IsValueType;
        }

        var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        switch (variable.Kind)
        {
            case VariableKind.WholeNumber when isNumber && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue:
                value = (int)number;
                return true;
            case VariableKind.Number when isNumber:
                value = number;
                return true;
            case VariableKind.Seconds when isNumber && number >= 0:
                value = TimeSpan.FromTicks((long)Math.Round(number * TimeSpan.TicksPerSecond));
                return true;
            case VariableKind.Boolean when bool.TryParse(text, out var flag):
                value = flag;
                return true;
            case VariableKind.Enum when Enum.TryParse(target, text, ignoreCase: true, out var member):
                value = member;
                return true;
            case VariableKind.Text:
                value = text;
                return true;
            default:
                return false;
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
