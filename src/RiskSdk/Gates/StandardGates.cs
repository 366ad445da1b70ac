namespace RiskSdk.Gates;

/// <summary>
/// The standard gate set, in the order it runs: kill switch, confidence, Kelly, lots, net delta, drawdown, order
/// rate, cooldown, then the position limit. <c>[GatePipeline]</c> with no arguments generates a pipeline of exactly
/// these gates (the generator reads this attribute), and <see cref="RiskPipeline.CreateDefault"/> assembles them by hand.
/// </summary>
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
public static class StandardGates
{
    /// <summary>The standard checks over <paramref name="context"/>, in the order of the attribute, without the position-limit gate.</summary>
    internal static IRiskGate[] CreateChecks(RiskContext context) => new IRiskGate[]
    {
        new KillSwitchGate(context),
        new MinimumConfidenceGate(context),
        new MinimumKellyGate(context),
        new MaximumLotsGate(context),
        new NetDeltaGate(context),
        new SessionDrawdownGate(context),
        new OrderRateGate(context),
        new CooldownGate(context),
    };
}
