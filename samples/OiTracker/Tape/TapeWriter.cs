using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Tape;

/// <summary>Writes events in the tape format <see cref="TapeReader"/> reads.</summary>
internal static class TapeWriter
{
    /// <summary>Writes a tape: comment lines, the header, then one row per event.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="events">The events, in time order.</param>
    /// <param name="comments">Lines written first, each prefixed with <c># </c>.</param>
    public static void Write(TextWriter writer, IEnumerable<TapeEvent> events, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(comments);
        foreach (var comment in comments)
        {
            writer.Write("# ");
            writer.WriteLine(comment);
        }

        writer.WriteLine(string.Join(",", TapeColumns.All));
        foreach (var row in events)
        {
            writer.WriteLine(Format(row));
        }
    }

    /// <summary>One event as a CSV row.</summary>
    /// <param name="row">The event.</param>
    /// <returns>The row, without a line break.</returns>
    public static string Format(TapeEvent row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var time = row.Time.ToOffset(TapeRowParser.IndiaOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return row.Kind switch
        {
            TapeEventKind.Signal => string.Join(
                ",",
                time,
                row.Exchange,
                "signal",
                row.SignalId,
                row.Symbol,
                row.Side == TradeSide.Buy ? "buy" : "sell",
                Number(row.Confidence),
                Number(row.KellyFraction),
                row.Lots.ToString(CultureInfo.InvariantCulture),
                Number(row.Delta),
                row.Regime == MarketRegime.HighVolatility ? "high_volatility" : "normal",
                string.Empty,
                string.Empty),
            TapeEventKind.Exit => string.Join(
                ",",
                time,
                row.Exchange,
                "exit",
                row.SignalId,
                row.Symbol,
                string.Empty,
                string.Empty,
                string.Empty,
                string.Empty,
                string.Empty,
                string.Empty,
                row.ExitReason.ToString().ToLowerInvariant(),
                Number(row.Pnl)),
            _ => string.Join(",", time, row.Exchange, row.Kind.ToString().ToLowerInvariant(), row.SignalId, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty),
        };
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
