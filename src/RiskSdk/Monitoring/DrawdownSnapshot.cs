namespace RiskSdk.Monitoring;

/// <summary>The session's P&amp;L against its drawdown stop.</summary>
/// <param name="SessionPnl">The session's P&amp;L as last reported by the app (negative for a loss).</param>
/// <param name="Stop">The loss at which new positions stop; null when the stop is off.</param>
/// <param name="Stopped">True once the stop latched; it holds until the session is reset.</param>
public sealed record DrawdownSnapshot(double SessionPnl, double? Stop, bool Stopped);
