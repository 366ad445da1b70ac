using RiskSdk.Monitoring;

namespace RiskSdk;

/// <summary>The kill switch's position. Only <see cref="Active"/> lets an order open exposure.</summary>
public enum TradingState
{
    /// <summary>Trading normally.</summary>
    Active = 0,

    /// <summary>Only orders that reduce exposure pass (an operator's wind-down).</summary>
    ReducingOnly = 1,

    /// <summary>Halted: only orders that reduce exposure pass, and the state latches until <see cref="TradingSwitch.Resume"/>.</summary>
    Halted = 2,
}
