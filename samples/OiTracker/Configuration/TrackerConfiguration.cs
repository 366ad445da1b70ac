using System.Collections.Generic;
using RiskSdk;

namespace OiTracker.Configuration;

/// <summary>
/// The tracker's configuration as bound from <c>OI_TRACKER_*</c> variables: the risk settings in force and every
/// variable with its source, or (fail closed) no settings and every problem found.
/// </summary>
/// <param name="Settings">The risk settings; null when any problem was found.</param>
/// <param name="Entries">Every variable, with its value and source.</param>
/// <param name="Problems">Every problem, one sentence each, naming the variable.</param>
/// <param name="Warnings">Problems that leave the settings usable (e.g. a mistyped variable name).</param>
internal sealed record TrackerConfiguration(
    RiskSettings? Settings,
    IReadOnlyList<ConfigurationEntry> Entries,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The prefix of every variable the tracker reads.</summary>
    public const string Prefix = "OI_TRACKER_";

    /// <summary>True when the settings can be used.</summary>
    public bool IsValid => Settings is not null && Problems.Count == 0;
}
