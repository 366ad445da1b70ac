using System;
using System.Collections.Generic;
using System.ComponentModel;
using RiskSdk.Configuration;

namespace RiskSdk.Generated;

/// <summary>
/// Reads the variables of one generated settings class and collects every problem instead of stopping at the first.
/// Used by generated code; applications call the generated <c>Bind</c> methods instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SettingsReader
{
    private const int MaximumSuggestionDistance = 2;

    /// <summary>The shortest end of a known name an unknown one is matched against: ENABLED, LEDGER, but not MODE.</summary>
    private const int MinimumSuggestedEnd = 6;

    /// <summary>The most characters of a value a problem message shows.</summary>
    private const int MaximumShownLength = 100;

    private readonly IVariableLookup _lookup;
    private readonly string _prefix;
    private readonly IReadOnlyList<VariableDescription> _variables;
    private readonly List<ConfigurationProblem> _problems = new();
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly List<BoundVariable> _bound = new();

    /// <summary>Creates a reader.</summary>
    /// <param name="lookup">Where the variables are read from.</param>
    /// <param name="prefix">The prefix every variable of the class carries.</param>
    /// <param name="variables">Every variable of the class, for "did you mean" suggestions and the validation hook.</param>
    public SettingsReader(IVariableLookup lookup, string prefix, IReadOnlyList<VariableDescription> variables)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
        _prefix = prefix;
        _variables = variables;
    }

    /// <summary>The value in force and the source of every variable read so far.</summary>
    public IReadOnlyList<BoundVariable> BoundVariables => _bound;

    /// <summary>Reads a non-nullable value; unset gives <paramref name="fallback"/>, empty or invalid text is a problem.</summary>
    /// <typeparam name="T">The setting's type.</typeparam>
    /// <param name="variable">The variable.</param>
    /// <param name="fallback">The value when unset (the default or the profile's value).</param>
    /// <param name="fallbackSource">Where <paramref name="fallback"/> comes from.</param>
    /// <param name="parse">The parser.</param>
    /// <returns>The value to use (the fallback when the text was refused; the problem is recorded).</returns>
    public T Read<T>(VariableDescription variable, T fallback, ValueSource fallbackSource, ValueParser<T> parse)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(parse);
        var raw = _lookup.GetValue(variable.Name);
        if (raw is null)
        {
            return Unset(variable, fallback, fallbackSource);
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            Refuse(variable, raw, new ParseFailure(ProblemKind.Malformed, "is empty"));
            return fallback;
        }

        if (ControlCharacter(text) is { } control)
        {
            Refuse(variable, raw, control);
            return fallback;
        }

        return TryParse(variable, raw, text, parse, out var value) ? value : fallback;
    }

    /// <summary>Reads a nullable value; unset gives <paramref name="fallback"/>, empty text gives null (the setting is off).</summary>
    /// <typeparam name="T">The setting's underlying type.</typeparam>
    /// <param name="variable">The variable.</param>
    /// <param name="fallback">The value when unset.</param>
    /// <param name="fallbackSource">Where <paramref name="fallback"/> comes from.</param>
    /// <param name="parse">The parser.</param>
    /// <returns>The value to use.</returns>
    public T? ReadOptional<T>(VariableDescription variable, T? fallback, ValueSource fallbackSource, ValueParser<T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(parse);
        var raw = _lookup.GetValue(variable.Name);
        if (raw is null)
        {
            return Unset(variable, fallback, fallbackSource);
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            if (variable.IsRequired)
            {
                Missing(variable, string.Empty);
            }

            _bound.Add(new BoundVariable(variable, null, ValueSource.Environment));
            return null;
        }

        if (ControlCharacter(text) is { } control)
        {
            Refuse(variable, raw, control);
            return fallback;
        }

        return TryParse(variable, raw, text, parse, out var value) ? value : fallback;
    }

    /// <summary>Reads text as it is; blank text is null for a nullable string and a problem for a required one.</summary>
    /// <param name="variable">The variable.</param>
    /// <param name="fallback">The value when unset.</param>
    /// <param name="fallbackSource">Where <paramref name="fallback"/> comes from.</param>
    /// <returns>The value to use.</returns>
    public string? ReadString(VariableDescription variable, string? fallback, ValueSource fallbackSource)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var raw = _lookup.GetValue(variable.Name);
        if (raw is null)
        {
            return Unset(variable, fallback, fallbackSource);
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            if (variable.IsRequired)
            {
                Missing(variable, raw);
            }
            else if (!variable.IsOptional)
            {
                // "Any other empty variable is an error": a non-nullable string has no "off".
                Refuse(variable, raw, new ParseFailure(ProblemKind.Malformed, "is empty"));
                return fallback;
            }

            _bound.Add(new BoundVariable(variable, null, ValueSource.Environment));
            return null;
        }

        _bound.Add(new BoundVariable(variable, variable.Mask(raw), ValueSource.Environment));
        return raw;
    }

    /// <summary>Reports a problem unless <paramref name="value"/> is at least <paramref name="otherValue"/> (skipped when either is null or already wrong).</summary>
    /// <typeparam name="T">The settings' type.</typeparam>
    /// <param name="variable">The variable that must not be lower.</param>
    /// <param name="value">Its value.</param>
    /// <param name="other">The variable it is compared with.</param>
    /// <param name="otherValue">That variable's value.</param>
    public void RequireAtLeast<T>(VariableDescription variable, T? value, VariableDescription other, T? otherValue)
        where T : struct, IComparable<T> =>
        Compare(variable, value, other, otherValue, atLeast: true);

    /// <summary>Reports a problem unless <paramref name="value"/> is at most <paramref name="otherValue"/> (skipped when either is null or already wrong).</summary>
    /// <typeparam name="T">The settings' type.</typeparam>
    /// <param name="variable">The variable that must not be higher.</param>
    /// <param name="value">Its value.</param>
    /// <param name="other">The variable it is compared with.</param>
    /// <param name="otherValue">That variable's value.</param>
    public void RequireAtMost<T>(VariableDescription variable, T? value, VariableDescription other, T? otherValue)
        where T : struct, IComparable<T> =>
        Compare(variable, value, other, otherValue, atLeast: false);

    /// <summary>Reports <paramref name="variable"/> as missing unless it is set; called when <paramref name="condition"/> has the value that requires it.</summary>
    /// <param name="variable">The conditionally required variable.</param>
    /// <param name="condition">The variable whose value makes it required.</param>
    public void RequireSet(VariableDescription variable, VariableDescription condition)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(condition);
        if (!_failed.Contains(variable.Name) && !_failed.Contains(condition.Name) && string.IsNullOrWhiteSpace(_lookup.GetValue(variable.Name)))
        {
            Missing(variable, _lookup.GetValue(variable.Name));
        }
    }

    /// <summary>
    /// Reports what <see cref="RiskSettings.Validate"/> found in the settings built from these variables, each against
    /// its own variable (found by property name), unless that variable already has a problem.
    /// </summary>
    /// <param name="problems">The problems.</param>
    public void Report(IReadOnlyList<RiskSettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            var variable = Find(problem.Setting);
            if (_failed.Add(variable.Name))
            {
                var shown = variable.Mask(problem.Value);
                _problems.Add(new ConfigurationProblem(ProblemSeverity.Error, problem.Kind, variable.Name, shown, problem.Expected, $"{variable.Name}={(shown is null ? "(not set)" : Printable(shown))} {problem.Reason}; expected {problem.Expected}."));
            }
        }
    }

    /// <summary>Creates the object the settings class's own <c>Validate</c> method reports through.</summary>
    /// <returns>The validation context.</returns>
    public SettingsValidation CreateValidation() => new(this);

    /// <summary>Finishes binding: warns about unknown prefixed variables close to a known name and builds the result.</summary>
    /// <typeparam name="TSettings">The settings class.</typeparam>
    /// <param name="settings">The bound settings.</param>
    /// <returns>The settings, or every problem.</returns>
    public ConfigurationResult<TSettings> Complete<TSettings>(TSettings settings)
        where TSettings : class
    {
        ReportUnknownVariables();
        return new ConfigurationResult<TSettings>(settings, _problems.ToArray());
    }

    internal void ReportCustom(string propertyName, string expected, ProblemSeverity severity)
    {
        var variable = Find(propertyName);
        if (_failed.Contains(variable.Name))
        {
            return;
        }

        var shown = DisplayOf(variable);
        if (severity == ProblemSeverity.Error)
        {
            _failed.Add(variable.Name);
        }

        _problems.Add(new ConfigurationProblem(severity, ProblemKind.Custom, variable.Name, shown, expected, $"{variable.Name}={(shown is null ? "(not set)" : Printable(shown))} is not allowed; expected {expected}."));
    }

    private VariableDescription Find(string propertyName)
    {
        foreach (var variable in _variables)
        {
            if (variable.PropertyName == propertyName)
            {
                return variable;
            }
        }

        throw new ArgumentException($"'{propertyName}' is not a bound property of these settings.", nameof(propertyName));
    }

    private string? DisplayOf(VariableDescription variable)
    {
        foreach (var bound in _bound)
        {
            if (ReferenceEquals(bound.Variable, variable))
            {
                return bound.DisplayValue;
            }
        }

        return null;
    }

    private bool TryParse<T>(VariableDescription variable, string raw, string text, ValueParser<T> parse, out T value)
    {
        if (!parse(text, variable, out value, out var failure))
        {
            Refuse(variable, raw, failure);
            return false;
        }

        _bound.Add(new BoundVariable(variable, variable.Mask(ValueFormatter.Format(value)), ValueSource.Environment));
        return true;
    }

    private T Unset<T>(VariableDescription variable, T fallback, ValueSource fallbackSource)
    {
        if (variable.IsRequired)
        {
            Missing(variable, null);
        }
        else if (!FallbackIsInRange(variable, fallback))
        {
            // A default the generator could not evaluate (set by a constructor or a field, computed), or an enum
            // default that is no member ((Side)42): fail closed rather than run on a value no variable could set.
            _failed.Add(variable.Name);
            var shown = variable.Mask(ValueFormatter.Format(fallback));
            var origin = fallbackSource == ValueSource.Profile ? "its profile value" : "its default";
            _problems.Add(new ConfigurationProblem(ProblemSeverity.Error, ProblemKind.OutOfRange, variable.Name, shown, variable.Expected, $"{variable.Name} is not set and {origin} {shown} is out of range; expected {variable.Expected}."));
        }

        _bound.Add(new BoundVariable(variable, variable.Mask(ValueFormatter.Format(fallback)), fallbackSource));
        return fallback;
    }

    private static bool FallbackIsInRange<T>(VariableDescription variable, T fallback) => fallback switch
    {
        int number => variable.IsInRange((long)number),
        long number => variable.IsInRange(number),
        double number => (variable.Minimum is null && variable.Maximum is null) || (!double.IsNaN(number) && variable.IsInRange(number)),
        decimal number => variable.IsInRange((double)number),
        TimeSpan duration => duration >= TimeSpan.Zero && variable.IsInRange(duration.TotalSeconds),
        Enum member => variable.AllowedValues.Count == 0 || Contains(variable.AllowedValues, ValueFormatter.Format(member)),
        _ => true,
    };

    private static bool Contains(IReadOnlyList<string> values, string? value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void Missing(VariableDescription variable, string? raw)
    {
        _failed.Add(variable.Name);
        var requirement = variable.Requirement is null ? string.Empty : " (" + variable.Requirement + ")";
        var state = raw is null ? "is not set" : "is empty";
        _problems.Add(new ConfigurationProblem(ProblemSeverity.Error, ProblemKind.Missing, variable.Name, variable.Mask(raw), variable.Expected, $"{variable.Name} {state}{requirement}; expected {variable.Expected}."));
    }

    private void Refuse(VariableDescription variable, string raw, ParseFailure failure)
    {
        _failed.Add(variable.Name);
        _bound.Add(new BoundVariable(variable, variable.Mask(raw), ValueSource.Environment));
        var shown = variable.Mask(raw)!;
        _problems.Add(new ConfigurationProblem(ProblemSeverity.Error, failure.Kind, variable.Name, shown, variable.Expected, $"{variable.Name}='{Printable(shown)}' {failure.Reason}; expected {variable.Expected}."));
    }

    /// <summary>
    /// A refusal when <paramref name="text"/> holds a control character (a NUL, a line break inside it): number
    /// parsing would otherwise accept a trailing NUL (<c>"2\0"</c> as 2).
    /// </summary>
    private static ParseFailure? ControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return new ParseFailure(ProblemKind.Malformed, "contains the control character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>
    /// A value as a problem message shows it: on one line (control characters as <c>\u000A</c>, so a value cannot
    /// start a line that reads like another problem) and at most <see cref="MaximumShownLength"/> characters.
    /// </summary>
    internal static string Printable(string value)
    {
        var builder = new System.Text.StringBuilder(Math.Min(value.Length, MaximumShownLength) + 16);
        for (var i = 0; i < value.Length; i++)
        {
            if (builder.Length >= MaximumShownLength)
            {
                builder.Append("... (").Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" characters)");
                break;
            }

            var c = value[i];
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private void Compare<T>(VariableDescription variable, T? value, VariableDescription other, T? otherValue, bool atLeast)
        where T : struct, IComparable<T>
    {
        if (value is not { } left || otherValue is not { } right || _failed.Contains(variable.Name) || _failed.Contains(other.Name))
        {
            return;
        }

        var comparison = left.CompareTo(right);
        if (atLeast ? comparison >= 0 : comparison <= 0)
        {
            return;
        }

        _failed.Add(variable.Name);
        var shown = variable.Mask(ValueFormatter.Format(left));
        var otherShown = other.Mask(ValueFormatter.Format(right));
        var relation = atLeast ? "at least" : "at most";
        var expected = $"{relation} {other.Name} ({otherShown})";
        _problems.Add(new ConfigurationProblem(ProblemSeverity.Error, ProblemKind.CrossField, variable.Name, shown, expected, $"{variable.Name}={shown} must be {expected}."));
    }

    private void ReportUnknownVariables()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in _variables)
        {
            known.Add(variable.Name);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var name in _lookup.Names)
        {
            if (names.Add(name) && !known.Contains(name))
            {
                unknown.Add(name);
            }
        }

        unknown.Sort(StringComparer.Ordinal);
        foreach (var name in unknown)
        {
            if (Suggest(name) is not { } best)
            {
                continue;
            }

            var value = _lookup.GetValue(name);
            var shown = best.Mask(value);
            var shownName = Printable(name);
            if (!string.Equals(name, best.Name, StringComparison.OrdinalIgnoreCase))
            {
                Warn($"{shownName} is not a known variable and is ignored; did you mean {best.Name}?");
                continue;
            }

            // Another case of a known name. Applied when the lookup itself ignores case (IConfiguration, Windows) and
            // the exact name is not set besides. Where names are case-sensitive (Linux) it is another variable, which
            // is ignored: an error unless the exact name holds the same value, since the setting would otherwise run
            // on a value nobody meant (oi_tracker_auto_exec_enabled=false ignored, trading left on).
            var exact = _lookup.GetValue(best.Name);
            if (!names.Contains(best.Name) && exact is not null)
            {
                Warn($"{shownName} is applied as {best.Name}, because these keys are matched ignoring case; write it as {best.Name}.");
            }
            else if (exact is null)
            {
                Fail($"{shownName}={Printable(shown ?? string.Empty)} is ignored: names are case-sensitive here and {best.Name} is not set, so it would run on its default; write it as {best.Name}.");
            }
            else if (!string.Equals(value, exact, StringComparison.Ordinal))
            {
                Fail($"{shownName}={Printable(shown ?? string.Empty)} is ignored and differs from {best.Name}={Printable(best.Mask(exact) ?? string.Empty)}, which applies: names are case-sensitive here; keep one.");
            }
            else
            {
                Warn($"{shownName} is not a known variable and is ignored; {best.Name} holds the same value.");
            }

            void Warn(string message) => _problems.Add(new ConfigurationProblem(ProblemSeverity.Warning, ProblemKind.UnknownVariable, name, shown, best.Name, message));
            void Fail(string message) => _problems.Add(new ConfigurationProblem(ProblemSeverity.Error, ProblemKind.UnknownVariable, name, shown, best.Name, message));
        }
    }

    /// <summary>
    /// The known variable an unknown name most likely meant, or null: a name within two edits of a known one (a typo
    /// anywhere, the prefix included: <c>OI_TRACKR_AUTO_EXEC_ENABLED</c>), a known name without its prefix
    /// (<c>AUTO_EXEC_ENABLED</c>), or a prefixed name whose rest is close to
    /// the end of a known one's rest (leading words left out: <c>OI_TRACKER_MAX_OPEN_POSITION</c> for
    /// <c>OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS</c>) or to most of its beginning (<c>..._HIGH</c> for <c>..._HIGH_CONF</c>).
    /// </summary>
    private VariableDescription? Suggest(string name)
    {
        var upper = name.ToUpperInvariant();
        var prefixed = name.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase);
        VariableDescription? best = null;
        var bestDistance = int.MaxValue;
        foreach (var variable in _variables)
        {
            // Outside the prefix only a long name may be two edits away: APP_PATH is not a typo of APP_PORT.
            var limit = prefixed ? MaximumSuggestionDistance : Math.Min(MaximumSuggestionDistance, variable.Name.Length / 10);
            var distance = Close(upper, variable.Name.ToUpperInvariant(), limit);
            if (distance < bestDistance)
            {
                best = variable;
                bestDistance = distance;
            }
        }

        if (best is not null || _prefix.Length == 0 || name.Length == _prefix.Length)
        {
            return best;
        }

        if (!prefixed)
        {
            // The prefix left out: AUTO_EXEC_ENABLED for OI_TRACKER_AUTO_EXEC_ENABLED (a name of two words or more).
            foreach (var variable in _variables)
            {
                if (variable.Name.Length > _prefix.Length && variable.Name.StartsWith(_prefix, StringComparison.Ordinal) && variable.Name.IndexOf('_', _prefix.Length) > 0 &&
                    string.Compare(name, 0, variable.Name, _prefix.Length, int.MaxValue, StringComparison.OrdinalIgnoreCase) == 0 && name.Length == variable.Name.Length - _prefix.Length)
                {
                    return variable;
                }
            }

            return null;
        }

        var rest = upper.Substring(_prefix.Length);
        foreach (var variable in _variables)
        {
            if (!variable.Name.StartsWith(_prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var known = variable.Name.Substring(_prefix.Length);
            for (var i = 0; i < known.Length; i++)
            {
                if (known[i] != '_')
                {
                    continue;
                }

                // The end after a word (AUTO_EXEC_ left out) unless it is short, and the beginning before one when it is
                // most of the name.
                var end = known.Substring(i + 1);
                var start = known.Substring(0, i);
                var distance = Math.Min(
                    end.Length >= MinimumSuggestedEnd ? Close(rest, end, Math.Min(MaximumSuggestionDistance, end.Length / 5)) : int.MaxValue,
                    start.Length * 2 > known.Length ? Close(rest, start, Math.Min(MaximumSuggestionDistance, start.Length / 5)) : int.MaxValue);
                if (distance < bestDistance)
                {
                    best = variable;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/> when it is at most <paramref name="limit"/>, else <see cref="int.MaxValue"/>.</summary>
    private static int Close(string a, string b, int limit)
    {
        var distance = EditDistance.Between(a, b, limit);
        return distance <= limit ? distance : int.MaxValue;
    }
}
