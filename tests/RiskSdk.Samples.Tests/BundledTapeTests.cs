using System;
using System.IO;
using System.Linq;
using OiTracker.Cli;
using OiTracker.Tape;
using Xunit;

namespace RiskSdk.Samples.Tests;

public sealed class BundledTapeTests
{
    [Fact]
    public void The_committed_tape_is_exactly_what_its_documented_command_generates()
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        var exit = OiTrackerApp.Run(["generate-tape", "--seed", "20261125", "--date", "2026-11-25", "--days", "1"], Empty.Environment, stdout, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(File.ReadAllText(BundledTape.SourcePath), stdout.ToString());
    }

    [Fact]
    public void The_bundled_tape_reads_without_problems_and_is_small()
    {
        Assert.Empty(BundledTape.Value.Problems);
        Assert.True(new FileInfo(BundledTape.SourcePath).Length < 300_000);
    }

    [Fact]
    public void The_bundled_tape_covers_what_the_replay_must_show()
    {
        var events = BundledTape.Value.Events;
        var signals = events.Where(static e => e.Kind == TapeEventKind.Signal).ToList();

        Assert.Equal(["BSE", "NSE"], signals.Select(static s => s.Exchange).Distinct().Order().ToArray());
        Assert.All(events, static e => Assert.InRange(e.Time.TimeOfDay, new TimeSpan(9, 15, 0), new TimeSpan(15, 30, 0)));
        Assert.Contains(signals, static s => s.Confidence >= 0.95);
        Assert.Contains(signals, static s => s.Confidence < 0.70);
        Assert.Contains(signals, static s => s.KellyFraction < 0.15);
        Assert.Contains(signals, static s => s.Lots > 4);
        Assert.Contains(signals, static s => s.Regime == RiskSdk.MarketRegime.HighVolatility);
        foreach (var reason in new[] { ExitReason.Target, ExitReason.Stop, ExitReason.Time })
        {
            Assert.Contains(events, e => e.Kind == TapeEventKind.Exit && e.ExitReason == reason);
        }

        Assert.Equal(signals.Count, events.Count(static e => e.Kind == TapeEventKind.Exit));
    }
}
