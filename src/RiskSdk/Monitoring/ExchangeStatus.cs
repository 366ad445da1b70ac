using System;

namespace RiskSdk.Monitoring;

/// <summary>What a UI shows for one exchange: positions against the caps, the cooldown and the kill switch.</summary>
/// <param name="Exchange">The exchange.</param>
/// <param name="Open">Open positions.</param>
/// <param name="Pending">Orders in flight holding a slot.</param>
/// <param name="AllowedNormal">The cap at normal confidence in the given regime.</param>
/// <param name="AllowedHighConfidence">The cap at high confidence in the given regime.</param>
/// <param name="CooldownRemaining">Time until the next trade may open a position; zero when none is running.</param>
/// <param name="TradingState">The kill switch.</param>
/// <param name="DrawdownStopped">True when the session drawdown stop has latched.</param>
public sealed record ExchangeStatus(
    string Exchange,
    int Open,
    int Pending,
    int AllowedNormal,
    int AllowedHighConfidence,
    TimeSpan CooldownRemaining,
    TradingState TradingState,
    bool DrawdownStopped)
{
    /// <summary>True when open plus pending positions reached the normal cap (or the book could not be read).</summary>
    public bool AtNormalCap => Unavailable || Open + Pending >= AllowedNormal;

    /// <summary>True when the position book could not be read: <see cref="Open"/> and <see cref="Pending"/> are then zero and mean nothing.</summary>
    public bool Unavailable { get; init; }
}
