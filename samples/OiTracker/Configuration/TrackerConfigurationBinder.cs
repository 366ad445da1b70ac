using System;
using System.Collections.Generic;
using System.Linq;
using RiskSdk;
using RiskSdk.Configuration;

namespace OiTracker.Configuration;

/// <summary>Binds the tracker's configuration from <c>OI_TRACKER_*</c> variables through the generated <see cref="TrackerSettings"/>.</summary>
internal static class TrackerConfigurationBinder
{
    /// <summary>Binds from a set of variables (the process environment, or a dictionary in tests).</summary>
    /// <param name="variables">The variables by full name.</param>
    /// <returns>The configuration, or every problem.</returns>
    public static TrackerConfiguration Bind(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var result = TrackerSettings.Bind(variables);
        // The generated binding checks every variable against RiskSettings' own description, so what binds is usable.
        var problems = result.Errors.Select(static p => p.Message).ToList();
        var warnings = result.Warnings.Select(static p => p.Message).ToList();
        if (!result.TryGetSettings(out var bound))
        {
            return new TrackerConfiguration(null, Describe(TrackerSettings.Variables), problems, warnings);
        }

        if (bound.Ledger == RiskLedgerKind.Redis)
        {
            warnings.Add($"{TrackerConfiguration.Prefix}RISK_LEDGER=redis is not used by the replay: it counts positions in memory, in virtual time.");
        }

        return new TrackerConfiguration(bound.ToRiskSettings(), Describe(bound.BoundVariables), problems, warnings);
    }

    private static List<ConfigurationEntry> Describe(IEnumerable<BoundVariable> bound) =>
        bound.Select(static b => Entry(b.Variable, b.DisplayValue, b.Source)).ToList();

    private static List<ConfigurationEntry> Describe(IEnumerable<VariableDescription> variables) =>
        variables.Select(static v => Entry(v, v.DefaultValue, ValueSource.Default)).ToList();

    private static ConfigurationEntry Entry(VariableDescription variable, string? value, ValueSource source) =>
        new(variable.Name, value ?? string.Empty, source.ToString().ToLowerInvariant(), variable.AllowedRange, variable.Description);
}
