using RiskSdk;

namespace OiTracker.Replay;

/// <summary>A gate pipeline as the tracker uses it: one decision per intent.</summary>
internal interface IPreTradeCheck
{
    /// <summary>Decides one trade; an approval carries the reservation to commit or release.</summary>
    /// <param name="intent">The trade.</param>
    /// <returns>The decision.</returns>
    RiskDecision Evaluate(in TradeIntent intent);
}
