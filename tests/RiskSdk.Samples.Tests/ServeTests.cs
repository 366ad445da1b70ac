using System.Collections.Generic;
using System.IO;
using OiTracker.Cli;
using OiTracker.Replay;
using Xunit;

namespace RiskSdk.Samples.Tests;

/// <summary><c>serve</c>: the replay in accelerated virtual time behind the status page on 127.0.0.1.</summary>
public sealed class ServeTests
{
    [Fact]
    public void Serve_prints_the_loopback_address_replays_the_day_and_stops_when_told_to()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = OiTrackerApp.Run(["serve", "--speed", "1000000", "--until-done"], new Dictionary<string, string?>(), stdout, stderr);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(string.Empty, stderr.ToString());
        var output = stdout.ToString();
        Assert.Matches(@"Serving the RiskSdk status page at http://127\.0\.0\.1:\d+/risk", output);
        Assert.Contains("Replaying nse-bse-2026-11-25.csv (840 rows, 6.1 trading hours) at 1000000x", output);
        Assert.Contains("nse-bse-2026-11-25.csv, 1 session(s), 840 rows replayed, 0 skipped", output);
    }

    [Fact]
    public void Serve_replays_the_same_day_as_the_main_command()
    {
        var served = new StringWriter();
        var replayed = new StringWriter();

        OiTrackerApp.Run(["serve", "--speed", "1000000", "--until-done"], new Dictionary<string, string?>(), served, new StringWriter());
        OiTrackerApp.Run([], new Dictionary<string, string?>(), replayed, new StringWriter());

        var report = replayed.ToString();
        Assert.EndsWith(report, served.ToString().TrimEnd() + System.Environment.NewLine);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--speed", "0")]
    [InlineData("--speed", "fast")]
    public void Bad_serve_options_are_usage_errors(string option, string value)
    {
        var stderr = new StringWriter();

        var exit = OiTrackerApp.Run(["serve", option, value], new Dictionary<string, string?>(), new StringWriter(), stderr);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(option + " '" + value + "'", stderr.ToString());
    }

    [Fact]
    public void The_paced_clock_is_read_from_other_threads_as_one_value()
    {
        var start = new System.DateTimeOffset(2026, 11, 25, 9, 15, 0, System.TimeSpan.FromHours(5.5));
        var clock = new ReplayClock(start);

        clock.AdvanceTo(start.AddMinutes(1));

        Assert.Equal(start.AddMinutes(1), clock.GetUtcNow());
        Assert.Equal(start.AddMinutes(1).UtcTicks, clock.GetTimestamp());
    }
}
