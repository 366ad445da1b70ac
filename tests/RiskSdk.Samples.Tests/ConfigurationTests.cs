using System;
using System.Linq;
using OiTracker.Cli;
using OiTracker.Configuration;
using Xunit;

namespace RiskSdk.Samples.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Config_prints_every_variable_with_value_source_range_and_description()
    {
        var (exit, stdout, stderr) = AppTests.Run(["config"], Replays.Environment(("OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE", "0.75")));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Equal(TrackerSettings.Variables.Count, lines.Length - 1);
        foreach (var variable in TrackerSettings.Variables)
        {
            var line = Assert.Single(lines, l => l.StartsWith(variable.Name + " ", StringComparison.Ordinal));
            Assert.Contains(variable.Description, line);
            Assert.Contains(variable.AllowedRange, line);
        }

        Assert.Matches(@"^OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE\s+0\.75\s+environment\s+0 to 1\s+", Line(lines, "OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE"));
        Assert.Matches(@"^OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS\s+2\s+default\s+", Line(lines, "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"));
    }

    [Fact]
    public void A_profile_sets_its_values_and_an_explicit_variable_overrides_it()
    {
        var (exit, stdout, _) = AppTests.Run(["config"], Replays.Environment(
            ("OI_TRACKER_RISK_PROFILE", "conservative"),
            ("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", "4")));

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = stdout.Split('\n');
        Assert.Matches(@"^OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS\s+1\s+profile\s+", Line(lines, "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"));
        Assert.Matches(@"^OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF\s+4\s+environment\s+", Line(lines, "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF"));
        Assert.Matches(@"^OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS\s+600\s+profile\s+", Line(lines, "OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"));
    }

    [Fact]
    public void The_replay_report_shows_the_configuration_in_force_and_where_each_value_came_from()
    {
        var (exit, stdout, _) = AppTests.Run([], Replays.Environment(
            ("OI_TRACKER_RISK_PROFILE", "aggressive"),
            ("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "1")));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("NSE: cap 1 open positions, 5 at high confidence", stdout);
        Assert.Matches(@"\n  OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS\s+1\s+environment\n", stdout);
        Assert.Matches(@"\n  OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF\s+5\s+profile\n", stdout);
        Assert.Matches(@"\n  OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE\s+0\.7\s+default\n", stdout);
    }

    [Fact]
    public void An_invalid_configuration_exits_78_listing_every_bad_variable_one_per_line_and_trades_nothing()
    {
        var (exit, stdout, stderr) = AppTests.Run([], Replays.Environment(
            ("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "-1"),
            ("OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE", "0.95x"),
            ("OI_TRACKER_RISK_PROFILE", "reckless"),
            ("OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS", "5min")));

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        foreach (var variable in new[] { "AUTO_EXEC_MAX_OPEN_POSITIONS", "AUTO_EXEC_MIN_CONFIDENCE", "RISK_PROFILE", "ML_SIGNAL_COOLDOWN_SECONDS" })
        {
            Assert.Single(lines, l => l.StartsWith("OI_TRACKER_" + variable + "=", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_high_confidence_cap_below_the_normal_cap_is_refused_by_config_too()
    {
        var (exit, stdout, stderr) = AppTests.Run(["config"], Replays.Environment(
            ("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "4"),
            ("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", "3")));

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("OI_TRACKER_AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS", "0.00000004")] // rounds to zero ticks: once bound, then thrown by RiskContext (exit 134)
    [InlineData("OI_TRACKER_AUTO_EXEC_MAX_ORDERS_PER_SECOND", "100001")]
    [InlineData("OI_TRACKER_AUTO_EXEC_MAX_POSITION_SIZE_LOTS", "0")]
    public void A_value_the_runtime_refuses_exits_78_at_binding_naming_its_variable(string variable, string value)
    {
        var (exit, stdout, stderr) = AppTests.Run([], Replays.Environment((variable, value)));

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith(variable + "='" + value + "'", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_listing_shows_paper_mode_on_by_default()
    {
        var (exit, stdout, _) = AppTests.Run(["config"], Replays.Environment());

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"^OI_TRACKER_AUTO_EXEC_PAPER_MODE\s+true\s+default\s+", Line(stdout.Split('\n'), "OI_TRACKER_AUTO_EXEC_PAPER_MODE"));
    }

    [Fact]
    public void A_mistyped_variable_is_warned_about_and_the_replay_still_runs()
    {
        var (exit, _, stderr) = AppTests.Run([], Replays.Environment(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITONS", "1")));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("did you mean OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", stderr);
    }

    private static string Line(string[] lines, string name) => lines.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
}
