using System;
using System.Collections.Generic;
using System.Globalization;
using RiskSdk;

namespace OiTracker.Configuration;

/// <summary>
/// Binds the tracker's configuration. Until the configuration generator is available this build knows only the
/// runtime's defaults (the moderate profile, paper mode), and fails closed on any <c>OI_TRACKER_*</c> variable rather
/// than ignore a risk limit someone set.
/// </summary>
internal static class TrackerConfigurationBinder
{
    /// <summary>Binds from a set of variables (the process environment, or a dictionary in tests).</summary>
    /// <param name="variables">The variables by full name.</param>
    /// <returns>The configuration, or every problem.</returns>
    public static TrackerConfiguration Bind(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var problems = new List<string>();
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith(TrackerConfiguration.Prefix, StringComparison.Ordinal) && value is not null)
            {
                problems.Add($"{name}: this build cannot read configuration variables yet; unset it to run with the defaults.");
            }
        }

        problems.Sort(StringComparer.Ordinal);
        var settings = new RiskSettings { PaperMode = true };
        return new TrackerConfiguration(problems.Count == 0 ? settings : null, Describe(settings), problems, []);
    }

    private static List<ConfigurationEntry> Describe(RiskSettings settings) =>
    [
        Entry(nameof(settings.AutoExecEnabled), settings.AutoExecEnabled ? "true" : "false"),
        Entry(nameof(settings.PaperMode), settings.PaperMode ? "true" : "false"),
        Entry(nameof(settings.MinConfidence), Number(settings.MinConfidence)),
        Entry(nameof(settings.MinKellyFraction), Number(settings.MinKellyFraction)),
        Entry(nameof(settings.MaxLotsPerOrder), Number(settings.MaxLotsPerOrder)),
        Entry(nameof(settings.MaxNetDelta), settings.MaxNetDelta is { } delta ? Number(delta) : string.Empty),
        Entry(nameof(settings.SessionDrawdownStop), settings.SessionDrawdownStop is { } stop ? Number(stop) : string.Empty),
        Entry(nameof(settings.MaxOpenPositions), Number(settings.MaxOpenPositions)),
        Entry(nameof(settings.MaxOpenPositionsHighConfidence), Number(settings.MaxOpenPositionsHighConfidence)),
        Entry(nameof(settings.HighConfidenceThreshold), Number(settings.HighConfidenceThreshold)),
        Entry(nameof(settings.CooldownWithPositions), Number(settings.CooldownWithPositions.TotalSeconds)),
        Entry(nameof(settings.SignalCooldown), Number(settings.SignalCooldown.TotalSeconds)),
        Entry(nameof(settings.HighVolatilityScale), Number(settings.HighVolatilityScale)),
        Entry(nameof(settings.MaxOrdersPerSecond), Number(settings.MaxOrdersPerSecond)),
        Entry(nameof(settings.ReservationTimeout), Number(settings.ReservationTimeout.TotalSeconds)),
    ];

    private static ConfigurationEntry Entry(string name, string value) => new(name, value, "default", string.Empty, "RiskSettings." + name);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
