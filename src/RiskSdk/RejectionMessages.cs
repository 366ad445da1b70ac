using System.Globalization;

namespace RiskSdk;

/// <summary>Turns a rejection's reason and figures into one readable sentence. Only called when a message is wanted.</summary>
internal static class RejectionMessages
{
    public static string Describe(string gate, RejectionReason reason, double observed, double limit, string? detail)
    {
        if (gate is null)
        {
            // The empty verdict (default GateVerdict): no gate decided, so nothing passed.
            return Gates.GateVerdict.UnnamedGate + ": " + Gates.GateVerdict.EmptyVerdictDetail + "; the trade is refused";
        }

        // These reasons carry their subject (the name, the field, the position) in the detail and say it in the sentence.
        switch (reason)
        {
            case RejectionReason.InvalidExchange:
                return gate + ": " + ExchangeName.Phrase(detail, (ExchangeNameProblem)(int)observed, (int)limit) + "; the trade is refused";
            case RejectionReason.UnknownExchange:
                return gate + ": " + Format("exchange \"{0}\" is not one of the {1} declared exchanges", ExchangeName.Escape(detail ?? string.Empty), limit);
            case RejectionReason.InvalidIntent:
                return gate + ": " + InvalidField(detail, observed);
            case RejectionReason.LedgerUnavailable when gate == Gates.KillSwitchGate.GateName:
                return gate + ": " + Format("the shared trading state is unknown ({0} here, not confirmed by the ledger); only orders that reduce exposure pass until it is", (TradingState)(int)observed);
            case RejectionReason.SessionDrawdownStop when detail == Gates.SessionDrawdownGate.UnknownPnlDetail:
                return gate + ": " + Format("the session P&L reported is {0}, not a finite number, so the drawdown stop of -{1} cannot be judged; new positions wait until a finite P&L is reported", observed, limit);
            case RejectionReason.NetDeltaExceeded when detail == Gates.NetDeltaGate.UnknownNetDeltaDetail:
                return gate + ": " + Format("the portfolio's net delta reported is {0}, not a finite number, so the cap of {1} cannot be judged; orders wait until a finite net delta is reported", observed, limit);
            case RejectionReason.NoPositionToReduce:
                return gate + ": the exit names position \"" + ExchangeName.Escape(detail ?? string.Empty) + "\", which the book does not hold open on this exchange; an exit must reduce an open position";
        }

        var text = reason switch
        {
            RejectionReason.None => "passed",
            RejectionReason.TradingHalted => Format("trading is {0}; only orders that reduce exposure pass", (TradingState)(int)observed),
            RejectionReason.ConfidenceTooLow => Format("confidence {0} is below the minimum {1}", observed, limit),
            RejectionReason.KellyTooLow => Format("Kelly fraction {0} is below the minimum {1}", observed, limit),
            RejectionReason.LotsAboveMaximum => Format("{0} lots is outside 1 to {1} lots per order", observed, limit),
            RejectionReason.NetDeltaExceeded => Format("net delta after the order would be {0}, beyond the cap of {1}", observed, limit),
            RejectionReason.SessionDrawdownStop => Format("session P&L {0} reached the drawdown stop of -{1}; new positions wait for a session reset", observed, limit),
            RejectionReason.OrderRateExceeded => Format("{0} orders in the last second reached the limit of {1} per second", observed, limit),
            RejectionReason.CooldownActive => Format("{0} s since the last trade, the cooldown in force is {1} s", observed, limit),
            RejectionReason.PositionLimitReached => Format("{0} open or pending positions, {1} allowed", observed, limit),
            RejectionReason.GateFault => "the gate failed; the trade is refused",
            RejectionReason.LedgerUnavailable => Format("the position ledger could not be reached or did not answer in time ({0} positions seen, cap {1}); the trade is refused", observed, limit),
            RejectionReason.TotalPositionLimitReached => Format("{0} open or pending positions across every exchange, {1} allowed in total", observed, limit),
            RejectionReason.CustomGate => "refused",
            _ => Format("rejected (reason {0})", (int)reason),
        };

        return detail is null ? gate + ": " + text : gate + ": " + text + " (" + detail + ")";
    }

    /// <summary>Names the intent's field, its value and what it must be.</summary>
    private static string InvalidField(string? field, double value)
    {
        var rule = field switch
        {
            nameof(TradeIntent.Confidence) or nameof(TradeIntent.KellyFraction) => "must be a finite number from 0 to 1",
            nameof(TradeIntent.Lots) => "must be at least 1",
            nameof(TradeIntent.Delta) => "must be a finite number",
            nameof(TradeIntent.Side) => "is not a defined TradeSide",
            nameof(TradeIntent.Regime) => "is not a defined MarketRegime",
            _ => "is not acceptable",
        };

        return Format("{0} {1} " + rule + "; the trade is refused", field ?? "a field", value);
    }

    private static string Format(string format, object first, object? second = null) =>
        string.Format(CultureInfo.InvariantCulture, format, Round(first), Round(second));

    private static object? Round(object? value) => value is double d ? System.Math.Round(d, 4) : value;
}
