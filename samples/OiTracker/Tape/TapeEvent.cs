using System;
using RiskSdk;

namespace OiTracker.Tape;

/// <summary>One row of a signal tape. Which fields are meaningful depends on <see cref="Kind"/>; see the README.</summary>
/// <param name="Line">The row's line number in the file (1-based), for messages.</param>
/// <param name="Time">When it happened (IST offset kept).</param>
/// <param name="Kind">Signal, exit, halt or resume.</param>
/// <param name="Exchange">NSE or BSE; empty for halt and resume, which apply to every exchange.</param>
/// <param name="SignalId">The signal's id; an exit names the signal whose position it closes.</param>
/// <param name="Symbol">The option, e.g. <c>NIFTY 26000 CE</c>.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Confidence">The model's confidence, 0 to 1.</param>
/// <param name="KellyFraction">The Kelly fraction, 0 to 1.</param>
/// <param name="Lots">Lots in the order.</param>
/// <param name="Delta">The signed delta the order adds to the portfolio.</param>
/// <param name="Regime">The market regime the signal was produced in.</param>
/// <param name="ExitReason">Why an exit happened.</param>
/// <param name="Pnl">The realised P&amp;L of an exit, in rupees.</param>
internal sealed record TapeEvent(
    int Line,
    DateTimeOffset Time,
    TapeEventKind Kind,
    string Exchange,
    string SignalId,
    string Symbol,
    TradeSide Side,
    double Confidence,
    double KellyFraction,
    int Lots,
    double Delta,
    MarketRegime Regime,
    ExitReason ExitReason,
    double Pnl)
{
    /// <summary>The intent this signal asks the auto-executor for.</summary>
    /// <returns>The intent for opening the position.</returns>
    public TradeIntent ToEntryIntent() => new()
    {
        Exchange = Exchange,
        Symbol = Symbol,
        Side = Side,
        Confidence = Confidence,
        KellyFraction = KellyFraction,
        Lots = Lots,
        Delta = Delta,
        Regime = Regime,
    };
}
