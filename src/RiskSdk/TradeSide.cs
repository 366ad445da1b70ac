namespace RiskSdk;

/// <summary>The side of an order.</summary>
public enum TradeSide
{
    /// <summary>Buy (go long, or cover a short).</summary>
    Buy = 0,

    /// <summary>Sell (go short, or close a long).</summary>
    Sell = 1,
}
