namespace OiTracker.Configuration;

/// <summary>One configuration variable as the report and the <c>config</c> command show it.</summary>
/// <param name="Name">The full variable name, e.g. <c>OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS</c>.</param>
/// <param name="Value">The value in force (masked for a secret); empty when the setting is off.</param>
/// <param name="Source">Where the value came from: default, profile or environment.</param>
/// <param name="Range">The allowed values, e.g. <c>0 to 1000</c>.</param>
/// <param name="Description">What the variable does.</param>
internal sealed record ConfigurationEntry(string Name, string Value, string Source, string Range, string Description);
