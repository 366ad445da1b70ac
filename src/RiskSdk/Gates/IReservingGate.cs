using System;

namespace RiskSdk.Gates;

/// <summary>
/// The gate that admits: it takes the position slot and runs the admitting gates, undoing everything on a refusal.
/// Every pipeline has exactly one, last (RISKGEN101, RISKGEN102); <see cref="PositionLimitGate"/> is the built-in one.
/// </summary>
public interface IReservingGate : IRiskGate
{
    /// <summary>
    /// Admits a trade every check has passed: takes the slot, then each admitting gate's state in order; a refusal or
    /// exception gives back everything taken and refuses. Never throws.
    /// </summary>
    /// <param name="intent">The intent.</param>
    /// <param name="clock">The decision's clock, shared with the book.</param>
    /// <param name="admitting">The pipeline's admitting gates, in declared order.</param>
    /// <returns>The decision, logged and counted.</returns>
    [PositionLimitCheck]
    RiskDecision Admit(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting);
}
