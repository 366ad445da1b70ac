using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using RiskSdk.Configuration;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The SDK's ready auto-exec set: the seed's names and defaults, profiles and overrides, sources, the gate settings, IConfiguration.</summary>
public sealed class AutoExecSettingsTests
{
    private static ConfigurationResult<TrackerSettings> Bind(params (string Name, string? Value)[] variables) =>
        TrackerSettings.Bind(variables.ToDictionary(v => "OI_TRACKER_" + v.Name, v => v.Value));

    [Fact]
    public void The_set_has_the_seed_variable_names()
    {
        Assert.Equal(
            new[]
            {
                "OI_TRACKER_RISK_PROFILE",
                "OI_TRACKER_AUTO_EXEC_ENABLED",
                "OI_TRACKER_AUTO_EXEC_PAPER_MODE",
                "OI_TRACKER_AUTO_EXEC_EXCHANGES",
                "OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE",
                "OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION",
                "OI_TRACKER_AUTO_EXEC_MAX_POSITION_SIZE_LOTS",
                "OI_TRACKER_AUTO_EXEC_MAX_NET_DELTA",
                "OI_TRACKER_AUTO_EXEC_SESSION_DRAWDOWN_STOP",
                "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS",
                "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF",
                "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_TOTAL",
                "OI_TRACKER_AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD",
                "OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS",
                "OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS",
                "OI_TRACKER_AUTO_EXEC_HIGH_VOLATILITY_SCALE",
                "OI_TRACKER_AUTO_EXEC_MAX_ORDERS_PER_SECOND",
                "OI_TRACKER_AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS",
                "OI_TRACKER_RISK_LEDGER",
                "OI_TRACKER_RISK_LEDGER_CONNECTION",
            },
            TrackerSettings.Variables.Select(v => v.Name));
    }

    [Fact]
    public void The_defaults_are_the_runtime_defaults_and_the_description_says_so()
    {
        var defaults = new RiskSettings();
        var described = TrackerSettings.Variables.ToDictionary(v => v.PropertyName);

        Assert.Equal("2", described[nameof(TrackerSettings.MaxOpenPositions)].DefaultValue);
        Assert.Equal("300", described[nameof(TrackerSettings.CooldownWithPositions)].DefaultValue);
        Assert.Equal("0.7", described[nameof(TrackerSettings.MinConfidence)].DefaultValue);
        Assert.Null(described[nameof(TrackerSettings.MaxNetDelta)].DefaultValue);
        Assert.Equal("memory", described[nameof(TrackerSettings.Ledger)].DefaultValue);
        Assert.Equal("an integer from 0 to 1000", described[nameof(TrackerSettings.MaxOpenPositions)].Expected);
        Assert.True(described[nameof(TrackerSettings.LedgerConnection)].IsSecret);
        Assert.Equal(defaults, Bind().Settings!.ToRiskSettings());
    }

    [Theory]
    [InlineData("conservative", 1, 2, 0.95, 600, 60)]
    [InlineData("moderate", 2, 3, 0.95, 300, 30)]
    [InlineData("Aggressive", 3, 5, 0.90, 180, 30)]
    public void A_profile_supplies_the_seed_values(string profile, int cap, int highCap, double threshold, int cooldownWithPositions, int signalCooldown)
    {
        var result = Bind(("RISK_PROFILE", profile));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var risk = result.Settings.ToRiskSettings();
        Assert.Equal(cap, risk.MaxOpenPositions);
        Assert.Equal(highCap, risk.MaxOpenPositionsHighConfidence);
        Assert.Equal(threshold, risk.HighConfidenceThreshold);
        Assert.Equal(TimeSpan.FromSeconds(cooldownWithPositions), risk.CooldownWithPositions);
        Assert.Equal(TimeSpan.FromSeconds(signalCooldown), risk.SignalCooldown);
        Assert.Equal(ValueSource.Profile, result.Settings.SourceOf(nameof(TrackerSettings.MaxOpenPositions)));
        Assert.Equal(ValueSource.Environment, result.Settings.SourceOf(nameof(TrackerSettings.RiskProfile)));
        Assert.Equal(ValueSource.Default, result.Settings.SourceOf(nameof(TrackerSettings.MinConfidence)));
    }

    [Fact]
    public void An_explicit_variable_overrides_its_profile_value()
    {
        var result = Bind(("RISK_PROFILE", "conservative"), ("AUTO_EXEC_MAX_OPEN_POSITIONS", "2"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Settings.MaxOpenPositions);
        Assert.Equal(2, result.Settings.MaxOpenPositionsHighConfidence);
        Assert.Equal(ValueSource.Environment, result.Settings.SourceOf(nameof(TrackerSettings.MaxOpenPositions)));
        Assert.Equal(ValueSource.Profile, result.Settings.SourceOf(nameof(TrackerSettings.MaxOpenPositionsHighConfidence)));
    }

    [Fact]
    public void An_override_that_breaks_the_profile_cap_rule_is_an_error()
    {
        var result = Bind(("RISK_PROFILE", "aggressive"), ("AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", "2"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF=2 must be at least OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS (3).", problem.Message);
    }

    [Theory]
    [InlineData("NSE;BSE", "entry 1 of 1: \"NSE;BSE\" contains ';'; separate exchanges with commas")]
    [InlineData("NSE, BSE|MCX", "entry 2 of 2: \"BSE|MCX\" contains '|'; separate exchanges with commas")]
    public void A_list_of_exchanges_separated_by_anything_but_commas_is_an_error(string list, string entry)
    {
        // "NSE;BSE" was one exchange of that name: accepted at start-up, then every order on NSE refused.
        var problem = Assert.Single(Bind(("AUTO_EXEC_EXCHANGES", list)).Problems);

        Assert.Equal($"OI_TRACKER_AUTO_EXEC_EXCHANGES={list} is not a list of exchange names: {entry}; expected a value.", problem.Message);
    }

    [Fact]
    public void A_list_of_exchanges_with_a_line_break_is_shown_on_one_line()
    {
        var problem = Assert.Single(Bind(("AUTO_EXEC_EXCHANGES", "NSE\nerror: x")).Problems);

        Assert.DoesNotContain('\n', problem.Message);
        Assert.StartsWith("OI_TRACKER_AUTO_EXEC_EXCHANGES=NSE\\u000Aerror: x is not a list of exchange names: entry 1 of 1:", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_is_an_error()
    {
        var problem = Assert.Single(Bind(("RISK_PROFILE", "yolo")).Problems);

        Assert.Equal("OI_TRACKER_RISK_PROFILE='yolo' is not a known value; expected one of conservative, moderate, aggressive.", problem.Message);
    }

    [Fact]
    public void The_threshold_may_not_fall_below_the_minimum_confidence()
    {
        var problem = Assert.Single(Bind(("AUTO_EXEC_MIN_CONFIDENCE", "0.8"), ("AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD", "0.75")).Problems);

        Assert.Equal("OI_TRACKER_AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD=0.75 must be at least OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE (0.8).", problem.Message);
    }

    [Fact]
    public void The_redis_ledger_needs_its_secret_connection_string()
    {
        var missing = Bind(("RISK_LEDGER", "redis"));
        var present = Bind(("RISK_LEDGER", "redis"), ("RISK_LEDGER_CONNECTION", "localhost:6379,password=pw"));

        Assert.Equal("OI_TRACKER_RISK_LEDGER_CONNECTION is not set (required when OI_TRACKER_RISK_LEDGER is redis); expected a value.", Assert.Single(missing.Problems).Message);
        Assert.True(present.IsValid);
        Assert.Equal(RiskLedgerKind.Redis, present.Settings.Ledger);
        Assert.Equal("localhost:6379,password=pw", present.Settings.LedgerConnection);
        Assert.Equal("***", present.Settings.BoundVariables.Single(b => b.Variable.PropertyName == nameof(TrackerSettings.LedgerConnection)).DisplayValue);
    }

    [Fact]
    public void Every_variable_set_maps_into_the_gate_settings()
    {
        var result = Bind(
            ("AUTO_EXEC_ENABLED", "false"),
            ("AUTO_EXEC_PAPER_MODE", "true"),
            ("AUTO_EXEC_MIN_CONFIDENCE", "0.75"),
            ("AUTO_EXEC_MIN_KELLY_FRACTION", "0.2"),
            ("AUTO_EXEC_MAX_POSITION_SIZE_LOTS", "6"),
            ("AUTO_EXEC_MAX_NET_DELTA", "1500.5"),
            ("AUTO_EXEC_SESSION_DRAWDOWN_STOP", "25000"),
            ("AUTO_EXEC_MAX_OPEN_POSITIONS", "1"),
            ("AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", "1"),
            ("AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD", "0.97"),
            ("AUTO_EXEC_COOLDOWN_WITH_POSITIONS", "900"),
            ("ML_SIGNAL_COOLDOWN_SECONDS", "45"),
            ("AUTO_EXEC_HIGH_VOLATILITY_SCALE", "0.25"),
            ("AUTO_EXEC_MAX_ORDERS_PER_SECOND", "5"),
            ("AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS", "12.5"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var expected = new RiskSettings
        {
            AutoExecEnabled = false,
            PaperMode = true,
            MinConfidence = 0.75,
            MinKellyFraction = 0.2,
            MaxLotsPerOrder = 6,
            MaxNetDelta = 1500.5,
            SessionDrawdownStop = 25000,
            MaxOpenPositions = 1,
            MaxOpenPositionsHighConfidence = 1,
            HighConfidenceThreshold = 0.97,
            CooldownWithPositions = TimeSpan.FromSeconds(900),
            SignalCooldown = TimeSpan.FromSeconds(45),
            HighVolatilityScale = 0.25,
            MaxOrdersPerSecond = 5,
            ReservationTimeout = TimeSpan.FromSeconds(12.5),
        };
        Assert.Equal(expected, result.Settings.ToRiskSettings());
        Assert.Empty(result.Settings.ToRiskSettings().Validate());
    }

    [Fact]
    public void A_zero_reservation_timeout_and_a_zero_drawdown_stop_are_refused()
    {
        var result = Bind(("AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS", "0"), ("AUTO_EXEC_SESSION_DRAWDOWN_STOP", "0"), ("AUTO_EXEC_COOLDOWN_WITH_POSITIONS", "-1"));

        Assert.Equal(
            new[]
            {
                "OI_TRACKER_AUTO_EXEC_SESSION_DRAWDOWN_STOP='0' is out of range; expected a number greater than 0.",
                "OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS='-1' is negative; expected a number of seconds from 0 to 86400.",
                "OI_TRACKER_AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS='0' is out of range; expected a number of seconds greater than 0 and at most 3600.",
            },
            result.Errors.Select(p => p.Message));
    }

    [Fact]
    public void Binds_from_IConfiguration_when_the_app_references_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1",
                ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONFF"] = "9",
            })
            .Build();

        var result = TrackerSettings.Bind(configuration);

        Assert.True(result.IsValid);
        Assert.Equal(1, result.Settings.MaxOpenPositions);
        Assert.Equal("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", Assert.Single(result.Warnings).Expected);
    }

    [Theory]
    [InlineData("OI_TRACKER_MAX_OPEN_POSITION", "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS")]
    [InlineData("oi_tracker_max_open_positions", "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS")]
    [InlineData("OI_TRACKER_ENABLED", "OI_TRACKER_AUTO_EXEC_ENABLED")]
    [InlineData("OI_TRACKER_COOLDOWN_SECONDS", "OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS")]
    [InlineData("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH", "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF")]
    [InlineData("OI_TRACKR_AUTO_EXEC_ENABLED", "OI_TRACKER_AUTO_EXEC_ENABLED")]
    [InlineData("OITRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS")]
    [InlineData("AUTO_EXEC_ENABLED", "OI_TRACKER_AUTO_EXEC_ENABLED")]
    [InlineData("auto_exec_max_open_positions", "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS")]
    public void A_name_missing_a_word_or_with_a_mistyped_or_missing_prefix_gets_a_did_you_mean_warning(string name, string meant)
    {
        // These were ignored without a word: only a prefixed name within two edits of a whole known name was reported.
        var result = TrackerSettings.Bind(new Dictionary<string, string?> { [name] = "1" });

        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal($"{name} is not a known variable and is ignored; did you mean {meant}?", warning.Message);
    }

    [Fact]
    public void An_unknown_name_with_a_line_break_is_shown_on_one_line()
    {
        var result = TrackerSettings.Bind(new Dictionary<string, string?> { ["OI_TRACKER_AUTO_EXEC_ENABLED\n"] = "false" });

        Assert.Equal(
            "OI_TRACKER_AUTO_EXEC_ENABLED\\u000A is not a known variable and is ignored; did you mean OI_TRACKER_AUTO_EXEC_ENABLED?",
            Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Variables_unlike_any_known_name_get_no_warning()
    {
        var result = TrackerSettings.Bind(new Dictionary<string, string?>
        {
            ["OI_TRACKER_LOG_LEVEL"] = "debug",
            ["OI_TRACKER_MODE"] = "x",
            ["PATH"] = "/usr/bin",
            ["AUTO_EXEC"] = "1",
            ["OI_TRACKER_"] = "1",
        });

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_lower_case_copy_beside_the_variable_in_a_case_sensitive_environment_is_ignored_not_applied()
    {
        // Linux: both are set and the exact name applies; the warning said the lower-case one was applied. With another
        // value, which of the two the operator meant is unknown: an error, naming both.
        var result = TrackerSettings.Bind(new Dictionary<string, string?>(System.StringComparer.Ordinal)
        {
            ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1",
            ["oi_tracker_auto_exec_max_open_positions"] = "3",
        });

        Assert.False(result.IsValid);
        Assert.Equal(
            "oi_tracker_auto_exec_max_open_positions=3 is ignored and differs from OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS=1, which applies: names are case-sensitive here; keep one.",
            Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void The_kill_switch_written_in_lower_case_on_linux_stops_start_instead_of_leaving_trading_on()
    {
        var result = TrackerSettings.Bind(new Dictionary<string, string?>(System.StringComparer.Ordinal)
        {
            ["oi_tracker_auto_exec_enabled"] = "false",
        });

        Assert.False(result.IsValid);
        Assert.Equal(
            "oi_tracker_auto_exec_enabled=false is ignored: names are case-sensitive here and OI_TRACKER_AUTO_EXEC_ENABLED is not set, so it would run on its default; write it as OI_TRACKER_AUTO_EXEC_ENABLED.",
            Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Binds_a_section_nested_under_the_prefix_as_appsettings_json_writes_it()
    {
        // "OI_TRACKER": { "AUTO_EXEC_MAX_OPEN_POSITIONS": 1, ... } was silently ignored before.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1",
                ["OI_TRACKER:AUTO_EXEC_MIN_CONFIDENCE"] = "0.8",
                ["OI_TRACKER:AUTO_EXEC_MAX_OPN_POSITIONS"] = "9",
            })
            .Build();

        var result = TrackerSettings.Bind(configuration);

        Assert.True(result.IsValid);
        Assert.Equal(1, result.Settings.MaxOpenPositions);
        Assert.Equal(0.8, result.Settings.MinConfidence);
        Assert.Equal(ValueSource.Environment, result.Settings.SourceOf(nameof(TrackerSettings.MaxOpenPositions)));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("OI_TRACKER_AUTO_EXEC_MAX_OPN_POSITIONS is not a known variable and is ignored; did you mean OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS?", warning.Message);
    }

    [Fact]
    public void A_flat_key_wins_over_the_nested_section_and_a_nested_error_names_the_variable()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1",
                ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "2",
                ["OI_TRACKER:AUTO_EXEC_MAX_POSITION_SIZE_LOTS"] = "lots",
            })
            .Build();

        var result = TrackerSettings.Bind(configuration);

        Assert.False(result.IsValid);
        Assert.Equal("OI_TRACKER_AUTO_EXEC_MAX_POSITION_SIZE_LOTS", Assert.Single(result.Errors).Variable);

        var flat = TrackerSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1",
            ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "2",
        }).Build());
        Assert.Equal(2, flat.Settings?.MaxOpenPositions);
    }

    [Fact]
    public void A_host_binds_the_class_through_IAutoExecSettings_without_knowing_it()
    {
        IAutoExecSettings<TrackerSettings> generated = new TrackerSettings();

        var result = generated.BindVariables(new DictionaryVariableLookup(new Dictionary<string, string?> { ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "1" }));

        Assert.Equal("OI_TRACKER_", generated.Prefix);
        Assert.Equal(TrackerSettings.Variables, generated.DescribedVariables);
        Assert.Equal(1, result.Settings?.ToRiskSettings().MaxOpenPositions);
        Assert.Equal(RiskLedgerKind.Memory, result.Settings?.Ledger);
    }

    [Fact]
    public void Binds_from_the_process_environment()
    {
        const string Name = "OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION";
        var previous = Environment.GetEnvironmentVariable(Name);
        Environment.SetEnvironmentVariable(Name, "0.33");
        try
        {
            var result = TrackerSettings.BindFromEnvironment();

            Assert.Equal(0.33, result.Settings?.MinKellyFraction);
            Assert.Equal(ValueSource.Environment, result.Settings?.SourceOf(nameof(TrackerSettings.MinKellyFraction)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Name, previous);
        }
    }
}
