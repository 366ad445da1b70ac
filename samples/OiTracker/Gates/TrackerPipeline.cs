using OiTracker.Replay;
using RiskSdk;
using RiskSdk.Gates;

namespace OiTracker.Gates;

/// <summary>
/// The tracker's pre-trade gates, in the order they run: the kill switch first, the tracker's own opening-minutes
/// gate, the signal checks, the exposure checks, the order-rate throttle and the cooldown, and the reserving position
/// limit last. The pipeline generator writes the constructor, <c>Evaluate</c> (straight-line static calls, first
/// rejection wins) and <c>Explain</c>.
/// </summary>
[GatePipeline(
    typeof(KillSwitchGate),
    typeof(OpeningMinutesGate),
    typeof(MinimumConfidenceGate),
    typeof(MinimumKellyGate),
    typeof(MaximumLotsGate),
    typeof(NetDeltaGate),
    typeof(SessionDrawdownGate),
    typeof(OrderRateGate),
    typeof(CooldownGate),
    typeof(PositionLimitGate))]
internal sealed partial class TrackerPipeline : IPreTradeCheck;
