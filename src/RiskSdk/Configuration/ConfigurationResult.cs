using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace RiskSdk.Configuration;

/// <summary>
/// The outcome of binding a settings class: the settings, or (fail closed) none at all when any error was found.
/// <see cref="Problems"/> always holds every problem found in one pass, errors and warnings.
/// </summary>
/// <typeparam name="TSettings">The settings class.</typeparam>
public sealed class ConfigurationResult<TSettings>
    where TSettings : class
{
    /// <summary>Creates a result; settings given alongside errors are dropped.</summary>
    /// <param name="settings">The bound settings.</param>
    /// <param name="problems">Every problem found.</param>
    public ConfigurationResult(TSettings settings, IReadOnlyList<ConfigurationProblem> problems)
    {
        Problems = problems;
        Errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToArray();
        Warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToArray();
        Settings = Errors.Count == 0 ? settings : null;
    }

    /// <summary>The settings; null when there is at least one error.</summary>
    public TSettings? Settings { get; }

    /// <summary>True when there are no errors (there may be warnings).</summary>
    [MemberNotNullWhen(true, nameof(Settings))]
    public bool IsValid => Settings is not null;

    /// <summary>Every problem found, in the order of the variables.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The problems that make the settings unusable.</summary>
    public IReadOnlyList<ConfigurationProblem> Errors { get; }

    /// <summary>The problems that leave the settings usable.</summary>
    public IReadOnlyList<ConfigurationProblem> Warnings { get; }

    /// <summary>Gets the settings when there are no errors.</summary>
    /// <param name="settings">The settings, or null.</param>
    /// <returns>True when the settings are usable.</returns>
    public bool TryGetSettings([NotNullWhen(true)] out TSettings? settings)
    {
        settings = Settings;
        return settings is not null;
    }
}
