namespace RiskSdk.Monitoring;

/// <summary>
/// Keeps the trading state (the kill switch's position, with its reason, who moved it and when) for every process
/// that shares it. A <see cref="RiskContext"/> whose position book implements this shares its
/// <see cref="RiskContext.Switch"/> through it for the context's lifetime: the Redis ledger does, so a halt in one
/// process halts every process on that ledger. While the sharing is not <see cref="ITradingStateSharing.IsCurrent"/>
/// the trading state is unknown and the context refuses every entry, whatever its pipeline's gates
/// (<see cref="RiskContext.TradingStateKnown"/>). A book that does not implement it keeps the switch per process.
/// </summary>
public interface ITradingStateStore
{
    /// <summary>
    /// Keeps <paramref name="tradingSwitch"/> in step with the shared state: moves made on it are written for every
    /// process, moves made elsewhere are adopted into it (<see cref="TradingSwitch.Adopt"/>).
    /// </summary>
    /// <param name="tradingSwitch">The switch.</param>
    /// <returns>The sharing: whether the switch holds the shared state now, and dispose it to stop; null when this store is set not to share.</returns>
    ITradingStateSharing? ShareTradingState(TradingSwitch tradingSwitch);
}
