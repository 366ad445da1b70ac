using RiskSdk.Gates;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>The seed's gates in the order of <see cref="RiskPipeline.CreateDefault"/>, as a generated pipeline.</summary>
[GatePipeline(
    typeof(KillSwitchGate),
    typeof(MinimumConfidenceGate),
    typeof(MinimumKellyGate),
    typeof(MaximumLotsGate),
    typeof(NetDeltaGate),
    typeof(SessionDrawdownGate),
    typeof(OrderRateGate),
    typeof(CooldownGate),
    typeof(PositionLimitGate))]
public sealed partial class GeneratedDefaultPipeline;
