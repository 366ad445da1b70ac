using RiskSdk.Gates;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>The first rung of <see cref="ApprovalCostBenchmarks"/>: the position-limit gate alone, so an approval is the intent check, the clock, the slot and its release, and the approval's announcement.</summary>
[GatePipeline(typeof(PositionLimitGate))]
public sealed partial class PositionLimitOnlyPipeline;

/// <summary>The second rung: the six plain checks of the standard gates (kill switch, confidence, Kelly, lots, net delta, drawdown) before the position limit.</summary>
[GatePipeline(
    typeof(KillSwitchGate),
    typeof(MinimumConfidenceGate),
    typeof(MinimumKellyGate),
    typeof(MaximumLotsGate),
    typeof(NetDeltaGate),
    typeof(SessionDrawdownGate),
    typeof(PositionLimitGate))]
public sealed partial class PlainChecksPipeline;

/// <summary>The third rung: the standard gates without the cooldown, so the plain checks and the order-rate gate (checked, then counting the order at admission) before the position limit. The next rung, with the cooldown, is <see cref="GeneratedDefaultPipeline"/>.</summary>
[GatePipeline(
    typeof(KillSwitchGate),
    typeof(MinimumConfidenceGate),
    typeof(MinimumKellyGate),
    typeof(MaximumLotsGate),
    typeof(NetDeltaGate),
    typeof(SessionDrawdownGate),
    typeof(OrderRateGate),
    typeof(PositionLimitGate))]
public sealed partial class StandardGatesWithoutCooldownPipeline;
