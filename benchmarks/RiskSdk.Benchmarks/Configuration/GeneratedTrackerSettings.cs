namespace RiskSdk.Benchmarks.Configuration;

/// <summary>The SDK's auto-execution settings under the seed's <c>OI_TRACKER_</c> prefix, bound and validated by generated code.</summary>
[EnvironmentSettings("OI_TRACKER_")]
[AutoExecSettings]
public partial class GeneratedTrackerSettings;
