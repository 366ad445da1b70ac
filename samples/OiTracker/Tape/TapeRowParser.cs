using System;
using System.Globalization;
using RiskSdk;

namespace OiTracker.Tape;

/// <summary>Turns one tape row into a <see cref="TapeEvent"/>, or says which column is wrong and why.</summary>
internal static class TapeRowParser
{
    /// <summary>India Standard Time, which the tape is written in.</summary>
    public static readonly TimeSpan IndiaOffset = TimeSpan.FromHours(5.5);

    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    /// <summary>Parses one row.</summary>
    /// <param name="header">The tape's header.</param>
    /// <param name="fields">The row's fields.</param>
    /// <param name="line">The row's line number.</param>
    /// <param name="parsed">The event, when the row is readable.</param>
    /// <param name="problem">What is wrong, otherwise.</param>
    /// <returns>True when the row is readable.</returns>
    public static bool TryParse(TapeHeader header, string[] fields, int line, out TapeEvent parsed, out string problem)
    {
        parsed = null!;
        if (fields.Length != header.Width)
        {
            problem = $"expected {header.Width} comma-separated fields, found {fields.Length}";
            return false;
        }

        var row = new Row(header, fields);
        if (!TryTime(row.Get(TapeColumns.Time), out var time, out problem) ||
            !TryKind(row.Get(TapeColumns.Event), out var kind, out problem))
        {
            return false;
        }

        var exchange = row.Get(TapeColumns.Exchange);
        var id = row.Get(TapeColumns.SignalId);
        if (kind is TapeEventKind.Halt or TapeEventKind.Resume)
        {
            parsed = new TapeEvent(line, time, kind, exchange, id, string.Empty, TradeSide.Buy, 0, 0, 0, 0, MarketRegime.Normal, ExitReason.None, 0);
            return true;
        }

        if (!TryExchange(exchange, out problem) || !TryRequired(TapeColumns.SignalId, id, out problem))
        {
            return false;
        }

        return kind == TapeEventKind.Signal
            ? TryParseSignal(row, line, time, exchange, id, out parsed, out problem)
            : TryParseExit(row, line, time, exchange, id, out parsed, out problem);
    }

    private static bool TryParseSignal(Row row, int line, DateTimeOffset time, string exchange, string id, out TapeEvent parsed, out string problem)
    {
        parsed = null!;
        var symbol = row.Get(TapeColumns.Symbol);
        if (!TryRequired(TapeColumns.Symbol, symbol, out problem) ||
            !TrySide(row.Get(TapeColumns.Side), out var side, out problem) ||
            !TryFraction(TapeColumns.Confidence, row.Get(TapeColumns.Confidence), out var confidence, out problem) ||
            !TryFraction(TapeColumns.Kelly, row.Get(TapeColumns.Kelly), out var kelly, out problem) ||
            !TryLots(row.Get(TapeColumns.Lots), out var lots, out problem) ||
            !TryNumber(TapeColumns.Delta, row.Get(TapeColumns.Delta), out var delta, out problem) ||
            !TryRegime(row.Get(TapeColumns.Regime), out var regime, out problem))
        {
            return false;
        }

        parsed = new TapeEvent(line, time, TapeEventKind.Signal, exchange, id, symbol, side, confidence, kelly, lots, delta, regime, ExitReason.None, 0);
        return true;
    }

    private static bool TryParseExit(Row row, int line, DateTimeOffset time, string exchange, string id, out TapeEvent parsed, out string problem)
    {
        parsed = null!;
        if (!TryExitReason(row.Get(TapeColumns.ExitReason), out var reason, out problem) ||
            !TryNumber(TapeColumns.Pnl, row.Get(TapeColumns.Pnl), out var pnl, out problem))
        {
            return false;
        }

        parsed = new TapeEvent(line, time, TapeEventKind.Exit, exchange, id, row.Get(TapeColumns.Symbol), TradeSide.Sell, 0, 0, 0, 0, MarketRegime.Normal, reason, pnl);
        return true;
    }

    private static bool TryTime(string text, out DateTimeOffset time, out string problem)
    {
        problem = string.Empty;
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = new DateTimeOffset(local, IndiaOffset);
            return true;
        }

        problem = $"{TapeColumns.Time} '{text}' is not an ISO 8601 time such as 2026-11-25T09:15:07+05:30";
        return false;
    }

    private static bool TryKind(string text, out TapeEventKind kind, out string problem)
    {
        kind = text.ToUpperInvariant() switch
        {
            "SIGNAL" => TapeEventKind.Signal,
            "EXIT" => TapeEventKind.Exit,
            "HALT" => TapeEventKind.Halt,
            "RESUME" => TapeEventKind.Resume,
            _ => (TapeEventKind)(-1),
        };
        problem = kind < 0 ? $"{TapeColumns.Event} '{text}' is not one of signal, exit, halt, resume" : string.Empty;
        return kind >= 0;
    }

    private static bool TryExchange(string text, out string problem)
    {
        var valid = text.Length is > 0 and <= 16;
        foreach (var c in text)
        {
            valid &= c is >= 'A' and <= 'Z';
        }

        problem = valid ? string.Empty : $"{TapeColumns.Exchange} '{text}' is not an exchange code in capitals, such as NSE or BSE";
        return valid;
    }

    private static bool TryRequired(string column, string text, out string problem)
    {
        problem = text.Length == 0 ? $"{column} is empty" : string.Empty;
        return text.Length > 0;
    }

    private static bool TrySide(string text, out TradeSide side, out string problem)
    {
        var known = text.Equals("buy", StringComparison.OrdinalIgnoreCase) || text.Equals("sell", StringComparison.OrdinalIgnoreCase);
        side = text.Equals("sell", StringComparison.OrdinalIgnoreCase) ? TradeSide.Sell : TradeSide.Buy;
        problem = known ? string.Empty : $"{TapeColumns.Side} '{text}' is not buy or sell";
        return known;
    }

    private static bool TryRegime(string text, out MarketRegime regime, out string problem)
    {
        var high = text.Equals("high_volatility", StringComparison.OrdinalIgnoreCase);
        var known = high || text.Equals("normal", StringComparison.OrdinalIgnoreCase);
        regime = high ? MarketRegime.HighVolatility : MarketRegime.Normal;
        problem = known ? string.Empty : $"{TapeColumns.Regime} '{text}' is not normal or high_volatility";
        return known;
    }

    private static bool TryExitReason(string text, out ExitReason reason, out string problem)
    {
        reason = text.ToUpperInvariant() switch
        {
            "TARGET" => ExitReason.Target,
            "STOP" => ExitReason.Stop,
            "TIME" => ExitReason.Time,
            _ => ExitReason.None,
        };
        problem = reason == ExitReason.None ? $"{TapeColumns.ExitReason} '{text}' is not target, stop or time" : string.Empty;
        return reason != ExitReason.None;
    }

    private static bool TryFraction(string column, string text, out double value, out string problem)
    {
        if (!TryNumber(column, text, out value, out problem))
        {
            return false;
        }

        problem = value is >= 0 and <= 1 ? string.Empty : $"{column} {text} is outside 0 to 1";
        return problem.Length == 0;
    }

    private static bool TryLots(string text, out int lots, out string problem)
    {
        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out lots);
        problem = ok ? string.Empty : $"{TapeColumns.Lots} '{text}' is not a whole number of lots";
        return ok;
    }

    private static bool TryNumber(string column, string text, out double value, out string problem)
    {
        var ok = double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        problem = ok ? string.Empty : $"{column} '{text}' is not a number";
        return ok;
    }

    /// <summary>A row's fields read through the header's column positions.</summary>
    private readonly struct Row(TapeHeader header, string[] fields)
    {
        public string Get(string column) => header.Get(fields, column);
    }
}
