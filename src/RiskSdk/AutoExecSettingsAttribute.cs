using System;

namespace RiskSdk;

/// <summary>
/// Put next to <see cref="EnvironmentSettingsAttribute"/> to get the SDK's complete auto-execution settings under the
/// class's prefix: the generator adds the standard properties (<c>AUTO_EXEC_ENABLED</c>, <c>AUTO_EXEC_MAX_OPEN_POSITIONS</c>,
/// <c>RISK_PROFILE</c>, <c>RISK_LEDGER</c>, ... with the seed's names and defaults), profile handling, and a
/// <c>ToRiskSettings()</c> method that turns them into the gates' <see cref="RiskSettings"/>.
/// </summary>
/// <example>
/// <code>
/// [EnvironmentSettings("OI_TRACKER_"), AutoExecSettings]
/// public partial class TrackerSettings;
///
/// var result = TrackerSettings.BindFromEnvironment();
/// if (result.TryGetSettings(out var settings)) { var risk = settings.ToRiskSettings(); }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class AutoExecSettingsAttribute : Attribute
{
}
