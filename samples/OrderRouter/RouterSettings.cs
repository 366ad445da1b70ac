using RiskSdk;
using RiskSdk.Configuration;

namespace OrderRouter;

/// <summary>The router's settings: RiskSdk's standard <c>OI_TRACKER_*</c> variables, generated.</summary>
[EnvironmentSettings("OI_TRACKER_")]
[AutoExecSettings]
public sealed partial class RouterSettings;
