using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RiskSdk.Hosting.Tests.Infrastructure;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Tests;

/// <summary>The generated settings as validated Options: every problem by variable name at start, every source honoured.</summary>
public sealed class SettingsOptionsTests
{
    [Fact]
    public async Task Invalid_settings_stop_start_with_every_problem_named_together_with_another_options_failure()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "two",
            ["OI_TRACKER:AUTO_EXEC_MIN_CONFIDENCE"] = "1.5",
        });
        builder.Services.AddRiskSdk<HostSettings>();
        builder.Services.AddOptions<BrokerOptions>().Validate(options => options.Endpoint is not null, "BrokerOptions.Endpoint is required.").ValidateOnStart();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        var messages = failure.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(messages, m => m.StartsWith("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS='two'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE='1.5'", StringComparison.Ordinal));
        Assert.Contains("BrokerOptions.Endpoint is required.", messages);
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public async Task Settings_the_runtime_refuses_stop_start_named_by_their_variable()
    {
        // Each value is in its own range; only together are they refused (the threshold is below the minimum confidence).
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE"] = "0.9",
            ["OI_TRACKER_AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD"] = "0.8",
        });
        builder.Services.AddRiskSdk<HostSettings>();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("OI_TRACKER_AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "OI_TRACKER": { "AUTO_EXEC_EXCHANGES": ["NSE", "BSE"] } }""", "OI_TRACKER_AUTO_EXEC_EXCHANGES (configuration key 'OI_TRACKER:AUTO_EXEC_EXCHANGES')")]
    [InlineData("""{ "OI_TRACKER": { "AUTO_EXEC_ENABLED": { "value": false } } }""", "OI_TRACKER_AUTO_EXEC_ENABLED (configuration key 'OI_TRACKER:AUTO_EXEC_ENABLED')")]
    [InlineData("""{ "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS": [1] }""", "OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS (configuration key 'OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS')")]
    public async Task A_json_array_or_object_where_a_value_belongs_stops_start_instead_of_reading_as_the_default(string json, string named)
    {
        // Configuration reads such a key as not set: without the check, ["NSE", "BSE"] allowed every exchange and
        // { "value": false } left auto-execution on, silently.
        var builder = TestHosts.Builder(json: json);
        builder.Services.AddRiskSdk<HostSettings>();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith(named + " is a JSON object or array, not a single value", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_in_the_nested_appsettings_section_is_named_by_its_variable_and_the_key_that_set_it()
    {
        var builder = TestHosts.Builder(
            new Dictionary<string, string?> { ["OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION"] = "lots" },
            json: """{ "OI_TRACKER": { "AUTO_EXEC_MAX_OPEN_POSITIONS": "two" } }""");
        builder.Services.AddRiskSdk<HostSettings>();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // The variable name alone is not in appsettings.json: the key that set the value is named too.
        Assert.Contains(failure.Failures, m => m.StartsWith("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS='two'", StringComparison.Ordinal)
            && m.EndsWith(" (set by the configuration key 'OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS')", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, m => m.StartsWith("OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION='lots'", StringComparison.Ordinal)
            && !m.Contains("configuration key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flat_value_wins_over_a_nested_array_and_is_not_refused()
    {
        var builder = TestHosts.Builder(
            new Dictionary<string, string?> { ["OI_TRACKER_AUTO_EXEC_EXCHANGES"] = "NSE" },
            json: """{ "OI_TRACKER": { "AUTO_EXEC_EXCHANGES": ["NSE", "BSE"] } }""");
        builder.Services.AddRiskSdk<HostSettings>();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal("NSE", host.Services.GetRequiredService<RiskContext>().Settings.Exchanges);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_nested_appsettings_section_is_honoured_and_a_mistyped_key_in_it_gets_did_you_mean()
    {
        const string Json = """
            {
              "OI_TRACKER": {
                "AUTO_EXEC_MAX_OPEN_POSITIONS": 1,
                "AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF": 1,
                "AUTO_EXEC_MIN_CONFIDNCE": 0.9
              }
            }
            """;
        var builder = TestHosts.Builder(json: Json);
        builder.Services.AddRiskSdk<HostSettings>();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(1, host.Services.GetRequiredService<IOptions<HostSettings>>().Value.MaxOpenPositions);
        Assert.Equal(1, host.Services.GetRequiredService<RiskContext>().Settings.MaxOpenPositions);
        var warning = Assert.Single(host.Logs(1301));
        Assert.Contains("OI_TRACKER_AUTO_EXEC_MIN_CONFIDNCE is not a known variable and is ignored; did you mean OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE?", warning.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_environment_style_flat_key_overrides_the_nested_section()
    {
        var builder = TestHosts.Builder(
            new Dictionary<string, string?> { ["OI_TRACKER_AUTO_EXEC_MAX_POSITION_SIZE_LOTS"] = "2" },
            json: """{ "OI_TRACKER": { "AUTO_EXEC_MAX_POSITION_SIZE_LOTS": 7 } }""");
        builder.Services.AddRiskSdk<HostSettings>();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(2, host.Services.GetRequiredService<RiskContext>().Settings.MaxLotsPerOrder);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_double_underscore_environment_variable_overrides_a_flat_key_in_appsettings_json()
    {
        // The .NET spelling of OI_TRACKER:AUTO_EXEC_ENABLED in the environment, added after appsettings.json: the
        // operator's kill switch. The flat key in the file used to win whatever the order of the sources.
        var builder = TestHosts.Builder(
            new Dictionary<string, string?> { ["OI_TRACKER:AUTO_EXEC_ENABLED"] = "false", ["OI_TRACKER:AUTO_EXEC_MAX_POSITION_SIZE_LOTS"] = "2" },
            json: """{ "OI_TRACKER_AUTO_EXEC_ENABLED": true, "OI_TRACKER_AUTO_EXEC_MAX_POSITION_SIZE_LOTS": 7, "OI_TRACKER_AUTO_EXEC_MIN_CONFIDENCE": 0.8 }""");
        builder.Services.AddRiskSdk<HostSettings>().AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        using var host = builder.Build();
        await host.StartAsync();

        var settings = host.Services.GetRequiredService<RiskContext>().Settings;
        Assert.False(settings.AutoExecEnabled);
        Assert.Equal(2, settings.MaxLotsPerOrder);
        Assert.Equal(0.8, settings.MinConfidence); // set in the file alone
        Assert.Equal(RejectionReason.TradingHalted, host.Services.GetRequiredService<RiskPipeline>().Evaluate(TestHosts.Signal()).Reason);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_context_book_and_pipeline_are_singletons_on_the_hosts_clock()
    {
        var builder = TestHosts.Builder();
        builder.Services.AddRiskSdk<HostSettings>().AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        using var host = builder.Build();
        await host.StartAsync();

        var context = host.Services.GetRequiredService<RiskContext>();
        Assert.Same(context, host.Services.GetRequiredService<RiskContext>());
        Assert.Same(context.Book, host.Services.GetRequiredService<IPositionBook>());
        Assert.Same(context, host.Services.GetRequiredService<RiskPipeline>().Context);
        Assert.Same(host.Clock(), context.Time);
        Assert.IsType<InMemoryPositionBook>(context.Book);
        await host.StopAsync();
    }

    [Fact]
    public void Registering_the_same_account_twice_is_refused()
    {
        var services = new ServiceCollection();
        services.AddRiskSdk<HostSettings>("acct-42");

        var error = Assert.Throws<InvalidOperationException>(() => services.AddRiskSdk<HostSettings>("acct-42"));

        Assert.Contains("acct-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hosting_options_are_validated_at_start()
    {
        var builder = TestHosts.Builder();
        builder.Services.AddRiskSdk<HostSettings>().Configure(options => options.ShutdownDrainTimeout = TimeSpan.Zero);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ShutdownDrainTimeout must be positive", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hosting_options_problem_names_the_account_and_the_option_type()
    {
        var builder = TestHosts.Builder();
        builder.Services.AddRiskSdk<HostSettings>();
        builder.Services.AddRiskSdk<HostSettings>("acct-7").Configure(options => options.ReconciliationTimeout = TimeSpan.FromSeconds(-1));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // It said "ReconciliationTimeout must be positive (was -1 s)." without saying of which account.
        Assert.Equal("RiskSdk account acct-7: RiskHostingOptions.ReconciliationTimeout must be positive (was -1 s).", Assert.Single(failure.Failures));
    }

    private sealed class BrokerOptions
    {
        public string? Endpoint { get; set; }
    }
}
