namespace RiskSdk;

/// <summary>
/// What a signal asks for: one order on one exchange, with the model's figures. Passed by reference
/// (<c>in</c>) through every gate, so evaluating it never copies or allocates.
/// </summary>
public readonly record struct TradeIntent
{
    /// <summary>The exchange (or any other scope) whose positions and limits apply, e.g. <c>NSE</c>.</summary>
    public required string Exchange { get; init; }

    /// <summary>The instrument or underlying, when a gate needs it (e.g. one position per underlying).</summary>
    public string? Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public TradeSide Side { get; init; }

    /// <summary>The signal's confidence, from 0 to 1. NaN never passes a confidence gate.</summary>
    public double Confidence { get; init; }

    /// <summary>The Kelly fraction the model suggests, from 0 to 1. NaN never passes the Kelly gate.</summary>
    public double KellyFraction { get; init; }

    /// <summary>The number of lots in the order.</summary>
    public int Lots { get; init; }

    /// <summary>The signed delta the order adds to the portfolio (negative for a short-delta order).</summary>
    public double Delta { get; init; }

    /// <summary>The market regime the signal was produced in.</summary>
    public MarketRegime Regime { get; init; }

    /// <summary>
    /// True when the order only reduces exposure (an exit). Reducing orders pass the kill switch, the drawdown stop,
    /// the cooldown and the signal gates, and take no position slot.
    /// </summary>
    public bool ReducesExposure { get; init; }
}
