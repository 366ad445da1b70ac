using System.Globalization;

namespace RiskSdk;

/// <summary>Turns a rejection's reason and figures into one readable sentence. Only called when a message is wanted.</summary>
internal static class RejectionMessages
{
    public static string Describe(string gate, RejectionReason reason, double observed, double limit, string? detail)
    {
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
            RejectionReason.LedgerUnavailable => Format("the position ledger did not answer within {0} ms; the trade is refused", limit),
            RejectionReason.CustomGate => "refused",
            _ => Format("rejected (reason {0})", (int)reason),
        };

        return detail is null ? gate + ": " + text : gate + ": " + text + " (" + detail + ")";
    }

    private static string Format(string format, object first, object? second = null) =>
        string.Format(CultureInfo.InvariantCulture, format, Round(first), Round(second));

    private static object? Round(object? value) => value is double d ? System.Math.Round(d, 4) : value;
}
