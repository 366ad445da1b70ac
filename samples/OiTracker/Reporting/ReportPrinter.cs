using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using OiTracker.Configuration;
using OiTracker.Replay;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Reporting;

/// <summary>Prints the replay report: one column per run, side by side, then the configuration in force.</summary>
internal static class ReportPrinter
{
    /// <summary>Writes the report.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="tape">The tape replayed.</param>
    /// <param name="runs">The runs, one column each.</param>
    /// <param name="configuration">The configuration in force.</param>
    public static void Write(TextWriter writer, SignalTape tape, IReadOnlyList<ReplayResult> runs, TrackerConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(configuration);
        var sessions = runs.Count > 0 ? runs[0].Sessions.Windows.Count : 0;
        if (runs.Count > 0 && runs[0] is { StoppedAt: { } stoppedAt, RowsReplayed: var replayed })
        {
            writer.WriteLine($"OiTracker paper-trading replay: {tape.Name}, {sessions} session(s), {replayed ?? 0} of {tape.Events.Count} rows replayed, {tape.Problems.Count} skipped");
            writer.WriteLine($"Stopped at {stoppedAt:HH:mm:ss} on the tape's clock: the figures cover the tape up to then.");
        }
        else
        {
            writer.WriteLine($"OiTracker paper-trading replay: {tape.Name}, {sessions} session(s), {tape.Events.Count} rows replayed, {tape.Problems.Count} skipped");
        }

        writer.WriteLine("Orders go to a paper broker in virtual time; positions are counted in an in-memory book.");
        writer.WriteLine();
        var table = new ReportTable();
        table.Row(string.Empty, runs.Select(static r => r.RunName).ToArray());
        Totals(table, runs);
        Refusals(table, runs);
        foreach (var exchange in runs.SelectMany(static r => r.Exchanges).Select(static e => e.Exchange).Distinct().Order(StringComparer.Ordinal))
        {
            Exchange(table, runs, exchange);
        }

        table.WriteTo(writer);
        writer.WriteLine();
        WriteSummary(writer, runs);
        WriteConfiguration(writer, configuration);
    }

    private static void Totals(ReportTable table, IReadOnlyList<ReplayResult> runs)
    {
        table.Row("Signals seen", Each(runs, static r => Count(r.SignalsSeen)));
        table.Row("Orders placed (entries)", Each(runs, static r => Count(r.OrdersPlaced)));
        table.Row("  filled / broker-rejected / unanswered", Each(runs, static r => $"{r.Fills} / {r.BrokerRejections} / {r.LostAcknowledgements}"));
        table.Row("Approvals: high / normal confidence", Each(runs, static r => $"{r.HighConfidenceApprovals} / {r.NormalConfidenceApprovals}"));
        table.Row("Positions closed: target / stop / time", Each(runs, static r => $"{Exits(r, ExitReason.Target)} / {Exits(r, ExitReason.Stop)} / {Exits(r, ExitReason.Time)}"));
        table.Row("Exit rows with no position behind them", Each(runs, static r => Count(r.ExitsWithoutPosition)));
        table.Row("Expired reservations", Each(runs, static r => r.ExpiredReservations is { } expired ? Count(expired) : "n/a"));
    }

    private static void Refusals(ReportTable table, IReadOnlyList<ReplayResult> runs)
    {
        table.Heading("Refused, by reason code");
        var reasons = runs.SelectMany(static r => r.Rejections.Keys).Distinct().Order().ToList();
        if (reasons.Count == 0)
        {
            table.Row("(none)");
        }

        foreach (var reason in reasons)
        {
            table.Row(reason.ToString(), Each(runs, r => Count(r.Rejections.GetValueOrDefault(reason))));
        }

        foreach (var gate in runs.SelectMany(static r => r.CustomGateRefusals.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            table.Row("  by " + gate, Each(runs, r => Count(r.CustomGateRefusals.GetValueOrDefault(gate))));
        }
    }

    private static void Exchange(ReportTable table, IReadOnlyList<ReplayResult> runs, string exchange)
    {
        var any = runs.SelectMany(r => r.Exchanges).First(e => e.Exchange == exchange);
        table.Heading($"{exchange}: cap {any.NormalCap} open positions, {any.HighConfidenceCap} at high confidence");
        table.Row("Max open positions at once", Each(runs, r => Figure(r, exchange, static e => Count(e.MaxOpen))));
        table.Row("Max open after a normal-confidence approval", Each(runs, r => Figure(r, exchange, static e => Count(e.MaxOpenAfterNormalApproval))));
        table.Row("Max open after a high-confidence approval", Each(runs, r => Figure(r, exchange, static e => Count(e.MaxOpenAfterHighApproval))));
        table.Row("Approvals above the cap in force", Each(runs, r => Figure(r, exchange, static e => Count(e.OverCapApprovals))));
        table.Row("Approvals: high / normal confidence", Each(runs, r => Figure(r, exchange, static e => $"{e.HighApprovals} / {e.NormalApprovals}")));
        table.Row("Time at or above the normal cap", Each(runs, r => Figure(r, exchange, static e => DurationText.Format(e.TimeAtOrAboveNormalCap))));
        table.Row("Time above the high-confidence cap", Each(runs, r => Figure(r, exchange, static e => DurationText.Format(e.TimeAboveHighCap))));
        table.Row("Average open positions", Each(runs, r => Figure(r, exchange, static e => e.AverageOpen.ToString("0.00", CultureInfo.InvariantCulture))));
    }

    private static void WriteSummary(TextWriter writer, IReadOnlyList<ReplayResult> runs)
    {
        if (runs.Count < 2)
        {
            writer.WriteLine("Run with --no-gates to see the old executor beside it, or --chart report.svg to draw both.");
            writer.WriteLine();
            return;
        }

        foreach (var gated in runs[^1].Exchanges)
        {
            var old = runs[0].Exchanges.FirstOrDefault(e => e.Exchange == gated.Exchange);
            if (old is not null)
            {
                writer.WriteLine(
                    $"{gated.Exchange}: without gates up to {old.MaxOpen} positions were open at once, with RiskSdk at most {gated.MaxOpen} " +
                    $"(cap {gated.NormalCap}, {gated.HighConfidenceCap} at high confidence); approvals above the cap: {old.OverCapApprovals} without gates, {gated.OverCapApprovals} with RiskSdk.");
            }
        }

        writer.WriteLine();
    }

    private static void WriteConfiguration(TextWriter writer, TrackerConfiguration configuration)
    {
        writer.WriteLine("Configuration in force (value, source):");
        var width = configuration.Entries.Count == 0 ? 0 : configuration.Entries.Max(static e => e.Name.Length);
        foreach (var entry in configuration.Entries)
        {
            var value = entry.Value.Length == 0 ? "(off)" : entry.Value;
            writer.WriteLine($"  {entry.Name.PadRight(width)}  {value,-8} {entry.Source}");
        }

        foreach (var warning in configuration.Warnings)
        {
            writer.WriteLine("  warning: " + warning);
        }
    }

    private static string[] Each(IReadOnlyList<ReplayResult> runs, Func<ReplayResult, string> figure) => runs.Select(figure).ToArray();

    private static string Figure(ReplayResult run, string exchange, Func<ExchangeFigures, string> figure)
    {
        var figures = run.Exchanges.FirstOrDefault(e => e.Exchange == exchange);
        return figures is null ? "-" : figure(figures);
    }

    private static int Exits(ReplayResult run, ExitReason reason) => run.Exits.GetValueOrDefault(reason);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
