using RiskSdk;
using RiskSdk.Gates;

namespace OrderRouter;

/// <summary>The router's pre-trade gates, in order; the generator writes the pipeline.</summary>
[GatePipeline(
    typeof(KillSwitchGate),
    typeof(MinimumConfidenceGate),
    typeof(MinimumKellyGate),
    typeof(MaximumLotsGate),
    typeof(OrderRateGate),
    typeof(CooldownGate),
    typeof(PositionLimitGate))]
public sealed partial class RouterPipeline;
