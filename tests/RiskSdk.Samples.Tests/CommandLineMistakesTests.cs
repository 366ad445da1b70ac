using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OiTracker.Cli;
using OiTracker.Replay;
using RiskSdk;
using Xunit;

namespace RiskSdk.Samples.Tests;

/// <summary>What a careless operator types: every mistake is a usage error naming it (exit 64), never a crash.</summary>
public sealed class CommandLineMistakesTests
{
    [Theory]
    [InlineData("--tape", "")]
    [InlineData("--tape", "  ")]
    [InlineData("--chart", "")]
    [InlineData("--tape", "--no-gates")]
    [InlineData("--chart", "--no-gates")]
    public void An_empty_or_missing_file_name_is_a_usage_error_naming_the_option(string option, string value)
    {
        var (exit, stdout, stderr) = AppTests.Run([option, value]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("OiTracker: " + option + " needs a", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_output_file_name_for_generate_tape_is_a_usage_error()
    {
        var (exit, _, stderr) = AppTests.Run(["generate-tape", "--out", ""]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--out needs a file name", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tape", "a.csv", "--tape", "b.csv")]
    [InlineData("serve", "--port", "8080", "--port")]
    [InlineData("serve", "--speed", "10", "--speed")]
    [InlineData("--no-gates", "--no-gates", "--broker-seed", "1")]
    public void An_option_given_twice_is_a_usage_error_not_last_one_wins(string a, string b, string c, string d)
    {
        string[] args = d == "--port" || d == "--speed" ? [a, b, c, d, "9"] : [a, b, c, d];

        var (exit, stdout, stderr) = AppTests.Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("is given more than once", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_speed_above_the_maximum_says_the_range()
    {
        var (exit, _, stderr) = AppTests.Run(["serve", "--speed", "2000000000"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("at most 1000000000", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_slow_pace_waits_until_cancelled_instead_of_crashing()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var pace = new ReplayPace(1e-9, stop.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => pace.Wait(TimeSpan.FromHours(6)));
    }

    [Fact]
    public void A_port_in_use_exits_73_saying_which_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, _, stderr) = AppTests.Run(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--until-done"]);

        Assert.Equal(ExitCodes.CannotCreate, exit);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", stderr, StringComparison.Ordinal);
    }
}

/// <summary>Ctrl+C during <c>serve</c>'s paced replay: what was replayed is reported, not thrown away.</summary>
public sealed class StoppedReplayTests
{
    [Fact]
    public void A_replay_stopped_midway_reports_the_rows_it_replayed_up_to_the_stop()
    {
        var tape = BundledTape.Value;
        using var stop = new CancellationTokenSource();
        var clock = new ReplayClock(Replayer.StartOf(tape), new ReplayPace(3600, stop.Token));
        using var context = new RiskContext(OiTracker.Configuration.TrackerConfigurationBinder.Bind(Empty.Environment).Settings!, timeProvider: clock);
        stop.CancelAfter(TimeSpan.FromSeconds(1.5));

        var result = Replayer.WithGates(tape, context, clock);

        Assert.NotNull(result.StoppedAt);
        Assert.InRange(result.RowsReplayed ?? 0, 1, tape.Events.Count - 1);
        Assert.True(result.SignalsSeen > 0);
        Assert.All(result.Sessions.Windows, window => Assert.True(window.End <= result.StoppedAt));
        using var report = new StringWriter { NewLine = "\n" };
        OiTracker.Reporting.ReportPrinter.Write(report, tape, [result], OiTracker.Configuration.TrackerConfigurationBinder.Bind(Empty.Environment));
        Assert.Contains($"{result.RowsReplayed} of {tape.Events.Count} rows replayed", report.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Stopped at {result.StoppedAt:HH:mm:ss} on the tape's clock", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("Signals seen", report.ToString(), StringComparison.Ordinal);
    }
}
