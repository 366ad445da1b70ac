using RiskSdk.Gates;

namespace RiskSdk;

/// <summary>
/// Why a trade was not allowed. One value per gate; the names and numbers are stable and appear in logs,
/// metrics (the <c>reason</c> tag) and reports. <c>docs/reasons.md</c> documents each one.
/// </summary>
public enum RejectionReason
{
    /// <summary>Not a rejection: the gate passed or the decision was approved.</summary>
    None = 0,

    /// <summary>The kill switch is not <see cref="TradingState.Active"/> and the order would open exposure.</summary>
    TradingHalted = 1,

    /// <summary>The signal's confidence is below <see cref="RiskSettings.MinConfidence"/> (or not a number).</summary>
    ConfidenceTooLow = 2,

    /// <summary>The Kelly fraction is below <see cref="RiskSettings.MinKellyFraction"/> (or not a number).</summary>
    KellyTooLow = 3,

    /// <summary>The order carries more lots than <see cref="RiskSettings.MaxLotsPerOrder"/>, or no lots at all.</summary>
    LotsAboveMaximum = 4,

    /// <summary>The portfolio's absolute net delta after the order would exceed <see cref="RiskSettings.MaxNetDelta"/>.</summary>
    NetDeltaExceeded = 5,

    /// <summary>The session's loss reached <see cref="RiskSettings.SessionDrawdownStop"/>; new positions stay stopped until the session is reset.</summary>
    SessionDrawdownStop = 6,

    /// <summary>The exchange has seen <see cref="RiskSettings.MaxOrdersPerSecond"/> orders in the last second.</summary>
    OrderRateExceeded = 7,

    /// <summary>Too little time has passed since the exchange's last trade (the window is longer while positions are open).</summary>
    CooldownActive = 8,

    /// <summary>The exchange's open plus pending positions have reached the cap in force for this signal.</summary>
    PositionLimitReached = 9,

    /// <summary>A gate threw; the trade is refused (fail closed) and the exception is logged.</summary>
    GateFault = 10,

    /// <summary>The position ledger could not be reached in time; the trade is refused (fail closed).</summary>
    LedgerUnavailable = 11,

    /// <summary>An application-defined gate refused the trade; <see cref="GateVerdict.Gate"/> names it.</summary>
    CustomGate = 12,

    /// <summary>The intent's exchange name is empty, blank, longer than <see cref="ExchangeName.MaxLength"/> characters, or contains control or format characters.</summary>
    InvalidExchange = 13,

    /// <summary><see cref="RiskSettings.Exchanges"/> declares the exchanges the app trades, and the intent's exchange is not one of them.</summary>
    UnknownExchange = 14,

    /// <summary>A figure of the intent is outside what it can mean (confidence or Kelly not a finite number from 0 to 1, fewer than one lot, a non-finite delta, an undefined side or regime); <see cref="GateVerdict.Detail"/> names the field.</summary>
    InvalidIntent = 15,

    /// <summary>An exit names a position the book does not hold open on the intent's exchange, so it is not exempt from the cap and the kill switch.</summary>
    NoPositionToReduce = 16,

    /// <summary>Open plus pending positions across every exchange reached <see cref="RiskSettings.MaxOpenPositionsTotal"/>.</summary>
    TotalPositionLimitReached = 17,
}
