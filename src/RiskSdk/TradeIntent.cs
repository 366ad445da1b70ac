namespace RiskSdk;

/// <summary>
/// What a signal asks for: one order on one exchange, with the model's figures. Passed by reference
/// (<c>in</c>) through every gate, so evaluating it never copies or allocates.
/// </summary>
public readonly record struct TradeIntent
{
    /// <summary>
    /// The exchange (or any other scope) whose positions and limits apply, e.g. <c>NSE</c>. Any spelling the
    /// <see cref="ExchangeName"/> rule accepts names the same exchange (<c>"nse"</c>, <c>" NSE"</c>); others are refused.
    /// </summary>
    public required string Exchange { get; init; }

    /// <summary>The instrument or underlying, when a gate needs it (e.g. one position per underlying).</summary>
    public string? Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public TradeSide Side { get; init; }

    /// <summary>The signal's confidence, from 0 to 1. Anything else (NaN, infinite, out of range) is refused as <see cref="RejectionReason.InvalidIntent"/>.</summary>
    public double Confidence { get; init; }

    /// <summary>The Kelly fraction the model suggests, from 0 to 1. Anything else is refused as <see cref="RejectionReason.InvalidIntent"/>.</summary>
    public double KellyFraction { get; init; }

    /// <summary>The number of lots in the order; at least 1.</summary>
    public int Lots { get; init; }

    /// <summary>The signed delta the order adds to the portfolio (negative for a short-delta order); a finite number.</summary>
    public double Delta { get; init; }

    /// <summary>The market regime the signal was produced in.</summary>
    public MarketRegime Regime { get; init; }

    /// <summary>
    /// The id of the open position this order reduces, for an exit; null for an order that opens exposure. An exit
    /// is verified, not declared: the pipeline checks that the book holds this position open on <see cref="Exchange"/>
    /// and refuses it otherwise (<see cref="RejectionReason.NoPositionToReduce"/>).
    /// </summary>
    public string? ReducesPosition { get; init; }

    /// <summary>
    /// True when the order is an exit (<see cref="ReducesPosition"/> is set). Once the pipeline has verified the
    /// position, reducing orders pass the kill switch, the drawdown stop, the cooldown and the signal gates, and take
    /// no position slot.
    /// </summary>
    public bool ReducesExposure => ReducesPosition is not null;
}
