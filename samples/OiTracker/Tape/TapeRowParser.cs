using System;
using System.Globalization;
using RiskSdk;

namespace OiTracker.Tape;

/// <summary>
/// Turns one tape row into a <see cref="TapeEvent"/>, or says which column is wrong and why. Made once per tape from
/// its header: the column positions are looked up once, and the exchange and symbol strings are shared between rows.
/// </summary>
internal sealed class TapeRowParser
{
    /// <summary>India Standard Time, which the tape is written in.</summary>
    public static readonly TimeSpan IndiaOffset = TimeSpan.FromHours(5.5);

    private readonly int _width;
    private readonly int _time;
    private readonly int _exchange;
    private readonly int _event;
    private readonly int _signalId;
    private readonly int _symbol;
    private readonly int _side;
    private readonly int _confidence;
    private readonly int _kelly;
    private readonly int _lots;
    private readonly int _delta;
    private readonly int _regime;
    private readonly int _exitReason;
    private readonly int _pnl;
    private readonly TextPool _pool = new();

    /// <summary>Creates the parser for a tape's rows.</summary>
    /// <param name="header">The tape's header, which has every column of <see cref="TapeColumns.All"/>.</param>
    public TapeRowParser(TapeHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _width = header.Width;
        _time = header.PositionOf(TapeColumns.Time);
        _exchange = header.PositionOf(TapeColumns.Exchange);
        _event = header.PositionOf(TapeColumns.Event);
        _signalId = header.PositionOf(TapeColumns.SignalId);
        _symbol = header.PositionOf(TapeColumns.Symbol);
        _side = header.PositionOf(TapeColumns.Side);
        _confidence = header.PositionOf(TapeColumns.Confidence);
        _kelly = header.PositionOf(TapeColumns.Kelly);
        _lots = header.PositionOf(TapeColumns.Lots);
        _delta = header.PositionOf(TapeColumns.Delta);
        _regime = header.PositionOf(TapeColumns.Regime);
        _exitReason = header.PositionOf(TapeColumns.ExitReason);
        _pnl = header.PositionOf(TapeColumns.Pnl);
    }

    /// <summary>Parses one row.</summary>
    /// <param name="fields">The row's fields.</param>
    /// <param name="line">The row's line number.</param>
    /// <param name="parsed">The event, when the row is readable.</param>
    /// <param name="problem">What is wrong, otherwise.</param>
    /// <returns>True when the row is readable.</returns>
    public bool TryParse(TapeFields fields, int line, out TapeEvent parsed, out string problem)
    {
        ArgumentNullException.ThrowIfNull(fields);
        parsed = null!;
        if (fields.Count != _width)
        {
            problem = $"expected {_width} comma-separated fields, found {fields.Count}";
            return false;
        }

        if (!TapeTime.TryParse(fields[_time], out var time, out problem) ||
            !TryKind(fields[_event], out var kind, out problem))
        {
            return false;
        }

        var exchange = fields[_exchange];
        var id = fields[_signalId];
        if (kind is TapeEventKind.Halt or TapeEventKind.Resume)
        {
            parsed = new TapeEvent(line, time, kind, _pool.Get(exchange), id.ToString(), string.Empty, TradeSide.Buy, 0, 0, 0, 0, MarketRegime.Normal, ExitReason.None, 0);
            return true;
        }

        if (!TryExchange(exchange, out problem) || !TryRequired(TapeColumns.SignalId, id, out problem))
        {
            return false;
        }

        return kind == TapeEventKind.Signal
            ? TryParseSignal(fields, line, time, _pool.Get(exchange), id, out parsed, out problem)
            : TryParseExit(fields, line, time, _pool.Get(exchange), id, out parsed, out problem);
    }

    private bool TryParseSignal(TapeFields fields, int line, DateTimeOffset time, string exchange, ReadOnlySpan<char> id, out TapeEvent parsed, out string problem)
    {
        parsed = null!;
        var symbol = fields[_symbol];
        if (!TryRequired(TapeColumns.Symbol, symbol, out problem) ||
            !TrySide(fields[_side], out var side, out problem) ||
            !TryFraction(TapeColumns.Confidence, fields[_confidence], out var confidence, out problem) ||
            !TryFraction(TapeColumns.Kelly, fields[_kelly], out var kelly, out problem) ||
            !TryLots(fields[_lots], out var lots, out problem) ||
            !TryNumber(TapeColumns.Delta, fields[_delta], out var delta, out problem) ||
            !TryRegime(fields[_regime], out var regime, out problem))
        {
            return false;
        }

        parsed = new TapeEvent(line, time, TapeEventKind.Signal, exchange, id.ToString(), _pool.Get(symbol), side, confidence, kelly, lots, delta, regime, ExitReason.None, 0);
        return true;
    }

    private bool TryParseExit(TapeFields fields, int line, DateTimeOffset time, string exchange, ReadOnlySpan<char> id, out TapeEvent parsed, out string problem)
    {
        parsed = null!;
        if (!TryExitReason(fields[_exitReason], out var reason, out problem) ||
            !TryNumber(TapeColumns.Pnl, fields[_pnl], out var pnl, out problem))
        {
            return false;
        }

        parsed = new TapeEvent(line, time, TapeEventKind.Exit, exchange, id.ToString(), _pool.Get(fields[_symbol]), TradeSide.Sell, 0, 0, 0, 0, MarketRegime.Normal, reason, pnl);
        return true;
    }

    private static bool TryKind(ReadOnlySpan<char> text, out TapeEventKind kind, out string problem)
    {
        kind = text.Equals("signal", StringComparison.OrdinalIgnoreCase) ? TapeEventKind.Signal
            : text.Equals("exit", StringComparison.OrdinalIgnoreCase) ? TapeEventKind.Exit
            : text.Equals("halt", StringComparison.OrdinalIgnoreCase) ? TapeEventKind.Halt
            : text.Equals("resume", StringComparison.OrdinalIgnoreCase) ? TapeEventKind.Resume
            : (TapeEventKind)(-1);
        problem = kind < 0 ? $"{TapeColumns.Event} '{text}' is not one of signal, exit, halt, resume" : string.Empty;
        return kind >= 0;
    }

    private static bool TryExchange(ReadOnlySpan<char> text, out string problem)
    {
        var valid = text.Length is > 0 and <= 16;
        foreach (var c in text)
        {
            valid &= c is >= 'A' and <= 'Z';
        }

        problem = valid ? string.Empty : $"{TapeColumns.Exchange} '{text}' is not an exchange code in capitals, such as NSE or BSE";
        return valid;
    }

    private static bool TryRequired(string column, ReadOnlySpan<char> text, out string problem)
    {
        problem = text.Length == 0 ? $"{column} is empty" : string.Empty;
        return text.Length > 0;
    }

    private static bool TrySide(ReadOnlySpan<char> text, out TradeSide side, out string problem)
    {
        var known = text.Equals("buy", StringComparison.OrdinalIgnoreCase) || text.Equals("sell", StringComparison.OrdinalIgnoreCase);
        side = text.Equals("sell", StringComparison.OrdinalIgnoreCase) ? TradeSide.Sell : TradeSide.Buy;
        problem = known ? string.Empty : $"{TapeColumns.Side} '{text}' is not buy or sell";
        return known;
    }

    private static bool TryRegime(ReadOnlySpan<char> text, out MarketRegime regime, out string problem)
    {
        var high = text.Equals("high_volatility", StringComparison.OrdinalIgnoreCase);
        var known = high || text.Equals("normal", StringComparison.OrdinalIgnoreCase);
        regime = high ? MarketRegime.HighVolatility : MarketRegime.Normal;
        problem = known ? string.Empty : $"{TapeColumns.Regime} '{text}' is not normal or high_volatility";
        return known;
    }

    private static bool TryExitReason(ReadOnlySpan<char> text, out ExitReason reason, out string problem)
    {
        reason = text.Equals("target", StringComparison.OrdinalIgnoreCase) ? ExitReason.Target
            : text.Equals("stop", StringComparison.OrdinalIgnoreCase) ? ExitReason.Stop
            : text.Equals("time", StringComparison.OrdinalIgnoreCase) ? ExitReason.Time
            : ExitReason.None;
        problem = reason == ExitReason.None ? $"{TapeColumns.ExitReason} '{text}' is not target, stop or time" : string.Empty;
        return reason != ExitReason.None;
    }

    private static bool TryFraction(string column, ReadOnlySpan<char> text, out double value, out string problem)
    {
        if (!TryNumber(column, text, out value, out problem))
        {
            return false;
        }

        problem = value is >= 0 and <= 1 ? string.Empty : $"{column} {text} is outside 0 to 1";
        return problem.Length == 0;
    }

    private static bool TryLots(ReadOnlySpan<char> text, out int lots, out string problem)
    {
        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out lots);
        problem = ok ? string.Empty : $"{TapeColumns.Lots} '{text}' is not a whole number of lots";
        return ok;
    }

    private static bool TryNumber(string column, ReadOnlySpan<char> text, out double value, out string problem)
    {
        var ok = double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        problem = ok ? string.Empty : $"{column} '{text}' is not a number";
        return ok;
    }
}
