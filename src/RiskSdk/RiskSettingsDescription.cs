using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using RiskSdk.Configuration;
using RiskSdk.Generated;

namespace RiskSdk;

/// <summary>
/// Reads the attributes that describe each <see cref="RiskSettings"/> property (the same ones the configuration
/// generator reads at compile time) once, and applies them to values set in code: validation, the profiles, printing.
/// Never on the decision path: a context validates its settings once, when it is created.
/// </summary>
internal static class RiskSettingsDescription
{
    private static readonly Setting[] Settings = Describe();
    private static readonly RiskSettings?[] Profiles = new RiskSettings?[3];

    /// <summary>Every standard setting as a variable description (no prefix), in declaration order.</summary>
    internal static IReadOnlyList<VariableDescription> Variables => Array.ConvertAll(Settings, s => s.Variable);

    public static IReadOnlyList<RiskSettingsProblem> Validate(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<RiskSettingsProblem>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in Settings)
        {
            var value = setting.Property.GetValue(settings);
            var reason = RangeProblem(setting.Variable, value);
            if (reason is not null)
            {
                failed.Add(setting.Variable.PropertyName);
                problems.Add(Problem(setting, value, ProblemKind.OutOfRange, reason, setting.Variable.Expected));
            }
        }

        foreach (var setting in Settings)
        {
            var value = setting.Property.GetValue(settings);
            foreach (var rule in setting.AtLeast)
            {
                var other = Find(rule);
                var otherValue = other.Property.GetValue(settings);
                if (!failed.Contains(setting.Variable.PropertyName) && !failed.Contains(rule) &&
                    value is IComparable comparable && otherValue is not null && comparable.CompareTo(otherValue) < 0)
                {
                    failed.Add(setting.Variable.PropertyName);
                    var expected = $"at least {other.Variable.PropertyName} ({other.Variable.Name}, {ValueFormatter.Format(otherValue)})";
                    problems.Add(Problem(setting, value, ProblemKind.CrossField, "is below " + other.Variable.PropertyName, expected));
                }
            }

            foreach (var (otherName, required) in setting.RequiredWhen)
            {
                if (Equals(Find(otherName).Property.GetValue(settings), required) && (value is null || value is string text && string.IsNullOrWhiteSpace(text)))
                {
                    problems.Add(Problem(setting, value, ProblemKind.Missing, "is not set", setting.Variable.Expected + " (" + setting.Variable.Requirement + ")"));
                }
            }
        }

        return problems;
    }

    public static RiskSettings ForProfile(RiskProfile profile)
    {
        var index = (int)profile;
        if (index is < 0 or > 2 || !Enum.IsDefined(profile))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown risk profile.");
        }

        return Profiles[index] ??= Build(profile);
    }

    public static bool Print(RiskSettings settings, StringBuilder builder)
    {
        for (var i = 0; i < Settings.Length; i++)
        {
            var setting = Settings[i];
            builder.Append(i == 0 ? string.Empty : ", ").Append(setting.Variable.PropertyName).Append(" = ")
                .Append(setting.Variable.Mask(ValueFormatter.Format(setting.Property.GetValue(settings))) ?? "null");
        }

        return true;
    }

    private static RiskSettings Build(RiskProfile profile)
    {
        var settings = new RiskSettings { RiskProfile = profile };
        foreach (var setting in Settings)
        {
            foreach (var value in setting.Property.GetCustomAttributes<ProfileValueAttribute>())
            {
                if (value.Profile == profile)
                {
                    setting.Property.SetValue(settings, Convert(value.Value, setting.Property.PropertyType));
                }
            }
        }

        return settings;
    }

    private static object Convert(double value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(TimeSpan))
        {
            return TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerSecond));
        }

        return target == typeof(double) ? value : System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private static string? RangeProblem(VariableDescription variable, object? value)
    {
        double? number = value switch
        {
            int whole => whole,
            long whole => whole,
            double real => real,
            decimal real => (double)real,
            TimeSpan duration => duration.TotalSeconds,
            _ => null,
        };
        if (number is not { } checkedValue)
        {
            return null;
        }

        if (!double.IsFinite(checkedValue))
        {
            return "is not a finite number";
        }

        return variable.IsInRange(checkedValue) ? null : "is out of range";
    }

    /// <summary>A problem with one setting that its own checks found (a rule the attributes cannot say, such as the exchange list's format).</summary>
    /// <param name="propertyName">The <see cref="RiskSettings"/> property.</param>
    /// <param name="value">Its value.</param>
    /// <param name="kind">What kind of problem it is.</param>
    /// <param name="reason">What is wrong.</param>
    /// <returns>The problem, naming the setting and its variable.</returns>
    internal static RiskSettingsProblem Problem(string propertyName, object? value, ProblemKind kind, string reason)
    {
        var setting = Find(propertyName);
        return Problem(setting, value, kind, reason, setting.Variable.Expected);
    }

    private static RiskSettingsProblem Problem(Setting setting, object? value, ProblemKind kind, string reason, string expected) =>
        new(setting.Variable.PropertyName, setting.Variable.Name, setting.Variable.Mask(ValueFormatter.Format(value)), kind, reason, expected);

    private static Setting Find(string propertyName) => Array.Find(Settings, s => s.Variable.PropertyName == propertyName)
        ?? throw new InvalidOperationException($"RiskSettings names '{propertyName}' in a rule, but has no such setting.");

    private static Setting[] Describe()
    {
        var settings = new List<Setting>();
        foreach (var property in typeof(RiskSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var variable = property.GetCustomAttribute<EnvironmentVariableAttribute>();
            if (variable is null || property.SetMethod is null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType);
            var underlying = type ?? property.PropertyType;
            var range = property.GetCustomAttribute<RangeAttribute>();
            var atLeast = new List<string>();
            foreach (var rule in property.GetCustomAttributes<AtLeastAttribute>())
            {
                atLeast.Add(rule.OtherProperty);
            }

            var requiredWhen = new List<(string, object)>();
            string? requirement = null;
            foreach (var rule in property.GetCustomAttributes<RequiredWhenAttribute>())
            {
                requiredWhen.Add((rule.OtherProperty, rule.Value));
                var other = typeof(RiskSettings).GetProperty(rule.OtherProperty)?.GetCustomAttribute<EnvironmentVariableAttribute>()?.Name ?? rule.OtherProperty;
                requirement = "required when " + other + " is " + ValueFormatter.Format(rule.Value);
            }

            settings.Add(new Setting(
                property,
                new VariableDescription
                {
                    Name = variable.Name,
                    PropertyName = property.Name,
                    Kind = KindOf(underlying),
                    IsOptional = type is not null || (underlying == typeof(string) && requiredWhen.Count > 0),
                    IsSecret = property.GetCustomAttribute<SecretAttribute>() is not null,
                    Minimum = Bound(range?.Minimum),
                    Maximum = Bound(range?.Maximum),
                    MinimumIsExclusive = range?.MinimumIsExclusive ?? false,
                    MaximumIsExclusive = range?.MaximumIsExclusive ?? false,
                    AllowedValues = underlying.IsEnum ? Array.ConvertAll(Enum.GetNames(underlying), n => n.ToLowerInvariant()) : Array.Empty<string>(),
                    Requirement = requirement,
                    Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty,
                },
                atLeast.ToArray(),
                requiredWhen.ToArray()));
        }

        return settings.ToArray();
    }

    /// <summary>A bound at the edge of its type (double.MaxValue, int.MaxValue) means "no bound", as the generator reads it.</summary>
    private static double? Bound(object? bound) => bound switch
    {
        int value when value is int.MaxValue or int.MinValue => null,
        int value => value,
        double value when double.IsInfinity(value) || value is double.MaxValue or double.MinValue => null,
        double value => value,
        _ => null,
    };

    private static VariableKind KindOf(Type type) =>
        type == typeof(bool) ? VariableKind.Boolean :
        type == typeof(int) ? VariableKind.WholeNumber :
        type == typeof(long) ? VariableKind.LongInteger :
        type == typeof(double) ? VariableKind.Number :
        type == typeof(decimal) ? VariableKind.DecimalNumber :
        type == typeof(TimeSpan) ? VariableKind.Seconds :
        type.IsEnum ? VariableKind.Enum : VariableKind.Text;

    private sealed record Setting(PropertyInfo Property, VariableDescription Variable, string[] AtLeast, (string Other, object Value)[] RequiredWhen);
}
