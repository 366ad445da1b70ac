using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OiTracker.Cli;
using OiTracker.Replay;
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
