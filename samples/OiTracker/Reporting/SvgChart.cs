using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using OiTracker.Replay;

namespace OiTracker.Reporting;

/// <summary>
/// Draws open positions over the trading day, one panel per exchange, one stepped line per run, with the normal and
/// high-confidence caps as horizontal lines. Hand-written SVG: no package, opens in any browser.
/// </summary>
internal static class SvgChart
{
    private const int Width = 960;
    private const int PanelHeight = 240;
    private const int Left = 56;
    private const int Right = 180;
    private const int Top = 64;
    private const int Bottom = 36;
    private static readonly string[] RunColours = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd"];

    /// <summary>Writes the chart.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="runs">The runs over the same tape; the first one's sessions set the time axis.</param>
    /// <param name="volatileSpells">Stretches of high volatility, shaded: the caps were scaled down there.</param>
    public static void Write(TextWriter writer, string title, IReadOnlyList<ReplayResult> runs, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> volatileSpells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(volatileSpells);
        var exchanges = runs.SelectMany(static r => r.Exchanges).Select(static e => e.Exchange).Distinct().Order(StringComparer.Ordinal).ToList();
        var height = Top + (exchanges.Count * (PanelHeight + Bottom)) + 8;
        writer.WriteLine($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12">""");
        writer.WriteLine($"""<rect width="{Width}" height="{height}" fill="white"/>""");
        writer.WriteLine($"""<text x="{Left}" y="24" font-size="16" font-weight="bold">{Escape(title)}</text>""");
        for (var i = 0; i < exchanges.Count; i++)
        {
            Panel(writer, runs, volatileSpells, exchanges[i], Top + (i * (PanelHeight + Bottom)));
        }

        writer.WriteLine("</svg>");
    }

    private static void Panel(TextWriter writer, IReadOnlyList<ReplayResult> runs, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> volatileSpells, string exchange, int top)
    {
        var sessions = runs[0].Sessions;
        var figures = runs.SelectMany(r => r.Exchanges).Where(e => e.Exchange == exchange).ToList();
        var normalCap = figures[0].NormalCap;
        var highCap = figures[0].HighConfidenceCap;
        var yMax = Math.Max(highCap + 1, figures.Max(static f => f.MaxOpen) + 1);
        var axis = new TimeAxis(sessions, Left, Width - Right);
        double Y(double open) => top + PanelHeight - (open / yMax * PanelHeight);

        writer.WriteLine($"""<text x="{Left}" y="{top - 6}" font-weight="bold">{Escape(exchange)}: open positions</text>""");
        writer.WriteLine($"""<rect x="{Left}" y="{top}" width="{Width - Left - Right}" height="{PanelHeight}" fill="#fafafa" stroke="#999"/>""");
        foreach (var (start, end) in volatileSpells)
        {
            var (x1, x2) = (axis.X(start), axis.X(end));
            writer.WriteLine($"""<rect x="{F(x1)}" y="{top}" width="{F(x2 - x1)}" height="{PanelHeight}" fill="#ffe9c7"/><text x="{F((x1 + x2) / 2)}" y="{top + 14}" text-anchor="middle" fill="#a05a00" font-size="11">high volatility: caps scaled down</text>""");
        }

        var step = Math.Max(1, (int)Math.Ceiling(yMax / 8.0));
        for (var tick = 0; tick <= yMax; tick += step)
        {
            writer.WriteLine($"""<line x1="{Left}" x2="{Width - Right}" y1="{F(Y(tick))}" y2="{F(Y(tick))}" stroke="#e5e5e5"/><text x="{Left - 8}" y="{F(Y(tick) + 4)}" text-anchor="end">{tick}</text>""");
        }

        foreach (var (x, label) in axis.HourTicks())
        {
            writer.WriteLine($"""<line x1="{F(x)}" x2="{F(x)}" y1="{top + PanelHeight}" y2="{top + PanelHeight + 5}" stroke="#999"/><text x="{F(x)}" y="{top + PanelHeight + 18}" text-anchor="middle">{label}</text>""");
        }

        CapLine(writer, Y(normalCap), $"cap {normalCap}", "#2ca02c", "6 4");
        CapLine(writer, Y(highCap), $"high-confidence cap {highCap}", "#ff7f0e", "2 3");
        for (var r = 0; r < runs.Count; r++)
        {
            if (runs[r].Timelines.TryGetValue(exchange, out var timeline))
            {
                Steps(writer, timeline, sessions, axis, Y, RunColours[r % RunColours.Length]);
            }

            var legendY = top + 16 + (r * 18);
            writer.WriteLine($"""<line x1="{Width - Right + 12}" x2="{Width - Right + 36}" y1="{legendY - 4}" y2="{legendY - 4}" stroke="{RunColours[r % RunColours.Length]}" stroke-width="2.5"/><text x="{Width - Right + 42}" y="{legendY}">{Escape(runs[r].RunName)}</text>""");
        }
    }

    private static void CapLine(TextWriter writer, double y, string label, string colour, string dashes) =>
        writer.WriteLine($"""<line x1="{Left}" x2="{Width - Right}" y1="{F(y)}" y2="{F(y)}" stroke="{colour}" stroke-width="1.5" stroke-dasharray="{dashes}"/><text x="{Width - Right + 6}" y="{F(y + 4)}" fill="{colour}">{Escape(label)}</text>""");

    private static void Steps(TextWriter writer, OpenPositionTimeline timeline, TradingSessions sessions, TimeAxis axis, Func<double, double> y, string colour)
    {
        var path = new StringBuilder();
        DateTimeOffset? end = null;
        foreach (var (from, to, open) in timeline.Segments(sessions))
        {
            // A new session starts a new line; within one, each piece joins the last with a vertical step.
            path.Append(end == from ? $" V{F(y(open))}" : $" M{F(axis.X(from))},{F(y(open))}");
            path.Append($" H{F(axis.X(to))}");
            end = to;
        }

        writer.WriteLine($"""<path d="{path.ToString().Trim()}" stroke="{colour}" stroke-width="2" fill="none" stroke-linejoin="round"/>""");
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
