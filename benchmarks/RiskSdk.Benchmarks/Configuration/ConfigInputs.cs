using System;
using System.Collections.Generic;

namespace RiskSdk.Benchmarks.Configuration;

/// <summary>The variables both binders are given, by full name, as the process environment would hold them.</summary>
public static class ConfigInputs
{
    /// <summary>The prefix both binders read.</summary>
    public const string Prefix = "OI_TRACKER_";

    /// <summary>A valid configuration that sets ten variables, plus two unrelated variables the binders must skip.</summary>
    public static IReadOnlyDictionary<string, string?> Valid { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["OI_TRACKER_AUTO_EXEC_ENABLED"] = "true",
        ["OI_TRACKER_AUTO_EXEC_PAPER_MODE"] = "true",
        ["OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE"] = "0.72",
        ["OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION"] = "0.15",
        ["OI_TRACKER_AUTO_EXEC_MAX_POSITION_SIZE_LOTS"] = "4",
        ["OI_TRACKER_AUTO_EXEC_MAX_NET_DELTA"] = "500",
        ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "2",
        ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF"] = "3",
        ["OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"] = "300",
        ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "30",
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = "/home/trader",
    };

    /// <summary>The valid configuration with three variables broken: a word for a whole number, a confidence above 1, a negative cooldown.</summary>
    public static IReadOnlyDictionary<string, string?> ThreeBad { get; } = new Dictionary<string, string?>(Valid, StringComparer.Ordinal)
    {
        ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "two",
        ["OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE"] = "1.7",
        ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "-30",
    };

    /// <summary>What <c>AddEnvironmentVariables("OI_TRACKER_")</c> gives the binder: the prefixed variables, prefix removed.</summary>
    /// <param name="variables">The variables by full name.</param>
    /// <returns>Configuration keys and values.</returns>
    public static Dictionary<string, string?> StripPrefix(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                keys[name[Prefix.Length..]] = value;
            }
        }

        return keys;
    }
}
