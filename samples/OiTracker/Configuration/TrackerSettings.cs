using RiskSdk;

namespace OiTracker.Configuration;

/// <summary>
/// The tracker's settings: RiskSdk's ready auto-execution variables under the <c>OI_TRACKER_</c> prefix, with the seed
/// app's names and defaults and the <c>OI_TRACKER_RISK_PROFILE</c> profiles. The configuration generator writes the
/// binding, the validation, the variable descriptions and <c>ToRiskSettings()</c>.
/// </summary>
[EnvironmentSettings(TrackerConfiguration.Prefix)]
[AutoExecSettings]
internal sealed partial class TrackerSettings;
