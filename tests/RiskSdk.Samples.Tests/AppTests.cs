using System.Collections.Generic;
using System.IO;
using OiTracker.Cli;
using Xunit;
using static RiskSdk.Samples.Tests.HandWrittenTape;

namespace RiskSdk.Samples.Tests;

public sealed class AppTests
{
    [Fact]
    public void The_default_run_replays_the_bundled_tape_and_prints_the_report()
    {
        var (exit, stdout, stderr) = Run([]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("nse-bse-2026-11-25.csv, 1 session(s), 840 rows replayed, 0 skipped", stdout);
        Assert.Contains("Signals seen", stdout);
        Assert.Contains("PositionLimitReached", stdout);
        Assert.Contains("NSE: cap 2 open positions, 3 at high confidence", stdout);
        Assert.Contains("Expired reservations", stdout);
        Assert.Contains("Configuration in force", stdout);
    }

    [Fact]
    public void No_gates_prints_the_old_run_beside_the_RiskSdk_run()
    {
        var (exit, stdout, _) = Run(["--no-gates"]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("no gates (old)", stdout);
        Assert.Contains("NSE: without gates up to ", stdout);
        Assert.Contains("approvals above the cap: ", stdout);
    }

    [Fact]
    public void The_chart_draws_both_runs_and_the_caps_per_exchange()
    {
        using var chart = new TempFile(".svg");

        var (exit, stdout, _) = Run(["--chart", chart.Path]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Chart written to " + chart.Path, stdout);
        var svg = File.ReadAllText(chart.Path);
        Assert.StartsWith("<svg", svg);
        Assert.EndsWith("</svg>\n", svg);
        Assert.Contains("NSE: open positions", svg);
        Assert.Contains("BSE: open positions", svg);
        Assert.Contains("high-confidence cap 3", svg);
        Assert.Contains("no gates (old)", svg);
        Assert.Contains("high volatility: caps scaled down", svg);
    }

    [Fact]
    public void A_users_tape_with_bad_rows_is_replayed_without_them_and_the_lines_are_named()
    {
        using var tape = new TempFile(".csv");
        File.WriteAllText(tape.Path, Text(Signal("09:20:00", "A"), "garbage", Signal("09:21:00", "B", confidence: 7)));

        var (exit, stdout, stderr) = Run(["--tape", tape.Path]);

        Assert.Equal(ExitCodes.DataError, exit);
        Assert.Contains("1 rows replayed, 2 skipped", stdout);
        Assert.Contains("line 3: expected 13 comma-separated fields, found 1", stderr);
        Assert.Contains("line 4: confidence 7 is outside 0 to 1", stderr);
    }

    [Fact]
    public void A_missing_tape_exits_66()
    {
        var (exit, stdout, stderr) = Run(["--tape", "/nonexistent/tape.csv"]);

        Assert.Equal(ExitCodes.NoInput, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("/nonexistent/tape.csv", stderr);
    }

    [Fact]
    public void A_chart_named_as_the_tape_is_refused_and_the_tape_is_left_as_it_was()
    {
        using var tape = new TempFile(".csv");
        File.WriteAllText(tape.Path, Text(Signal("09:20:00", "A")));
        var before = File.ReadAllText(tape.Path);
        var sameFile = Path.Combine(Path.GetDirectoryName(tape.Path)!, ".", Path.GetFileName(tape.Path));

        var (exit, stdout, stderr) = Run(["--tape", tape.Path, "--chart", sameFile]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("would overwrite it", stderr);
        Assert.Equal(before, File.ReadAllText(tape.Path));
    }

    [Fact]
    public void A_directory_given_as_the_tape_exits_66_saying_it_is_a_directory()
    {
        var directory = Path.GetTempPath();

        var (exit, stdout, stderr) = Run(["--tape", directory]);

        Assert.Equal(ExitCodes.NoInput, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("it is a directory, not a tape file", stderr);
    }

    [Theory]
    [InlineData("--tape")]
    [InlineData("--frobnicate")]
    [InlineData("trade")]
    public void A_wrong_command_line_exits_64_with_the_usage(string argument)
    {
        var (exit, _, stderr) = Run([argument]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("usage: OiTracker", stderr);
    }

    internal static (int Exit, string Stdout, string Stderr) Run(string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = OiTrackerApp.Run(args, environment ?? Empty.Environment, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
