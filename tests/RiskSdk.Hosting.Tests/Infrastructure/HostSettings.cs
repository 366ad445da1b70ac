using RiskSdk;

namespace RiskSdk.Hosting.Tests.Infrastructure;

/// <summary>The settings a hosted app declares: RiskSdk's standard variables under <c>OI_TRACKER_</c>.</summary>
[EnvironmentSettings("OI_TRACKER_")]
[AutoExecSettings]
internal sealed partial class HostSettings;
