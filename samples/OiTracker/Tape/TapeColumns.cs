using System.Collections.Generic;

namespace OiTracker.Tape;

/// <summary>The tape's CSV columns, in the order the generator writes them. Readers map columns by name.</summary>
internal static class TapeColumns
{
    /// <summary>ISO 8601 time in IST, e.g. <c>2026-11-25T09:15:07.250+05:30</c> (no offset means IST).</summary>
    public const string Time = "time_ist";

    /// <summary><c>NSE</c> or <c>BSE</c> (any exchange name of letters); empty for halt and resume.</summary>
    public const string Exchange = "exchange";

    /// <summary><c>signal</c>, <c>exit</c>, <c>halt</c> or <c>resume</c>.</summary>
    public const string Event = "event";

    /// <summary>The signal's id, unique in the tape; an exit repeats the id of the signal it closes.</summary>
    public const string SignalId = "signal_id";

    /// <summary>The option traded.</summary>
    public const string Symbol = "symbol";

    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public const string Side = "side";

    /// <summary>The model's confidence, 0 to 1.</summary>
    public const string Confidence = "confidence";

    /// <summary>The Kelly fraction, 0 to 1.</summary>
    public const string Kelly = "kelly";

    /// <summary>Lots in the order, a whole number.</summary>
    public const string Lots = "lots";

    /// <summary>The signed delta the order adds.</summary>
    public const string Delta = "delta";

    /// <summary><c>normal</c> or <c>high_volatility</c>.</summary>
    public const string Regime = "regime";

    /// <summary>On exits: <c>target</c>, <c>stop</c> or <c>time</c>.</summary>
    public const string ExitReason = "exit_reason";

    /// <summary>On exits: the realised P&amp;L in rupees (negative for a loss).</summary>
    public const string Pnl = "pnl";

    /// <summary>Every column, in the generator's order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Time, Exchange, Event, SignalId, Symbol, Side, Confidence, Kelly, Lots, Delta, Regime, ExitReason, Pnl];
}
