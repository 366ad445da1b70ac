using RiskSdk.Monitoring;

namespace RiskSdk.AspNetCore;

/// <summary>The answer to a control call.</summary>
/// <param name="Moved">False when the switch already was in that state (or a halt latched a reduce-only).</param>
/// <param name="Trading">The switch's status after the call.</param>
public sealed record TradingControlResult(bool Moved, TradingStatus Trading);
