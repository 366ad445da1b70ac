using System.Collections.Generic;
using System.Threading.Tasks;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RiskSdk.Hosting.Tests.Infrastructure;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Tests;

/// <summary>Configuration reloads: valid limits apply to the next decision keeping the state; invalid ones change nothing.</summary>
public sealed class ReloadTests
{
    private static async Task<IHost> StartAsync(Action<RiskHostingOptions>? configure = null)
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "2",
            ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0",
            ["OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"] = "0",
        });
        var risk = builder.Services.AddRiskSdk<HostSettings>().AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        if (configure is not null)
        {
            risk.Configure(configure);
        }

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task A_raised_cap_applies_to_the_next_decision_and_keeps_open_positions_and_reservations()
    {
        using var host = await StartAsync();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).Reservation.Commit("P1"));
        var inFlight = pipeline.Evaluate(TestHosts.Signal());
        Assert.True(inFlight.IsApproved);
        Assert.Equal(RejectionReason.PositionLimitReached, pipeline.Evaluate(TestHosts.Signal()).Reason);

        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "3"), ("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", "3"));

        Assert.Equal(3, host.Services.GetRequiredService<IOptionsMonitor<HostSettings>>().CurrentValue.MaxOpenPositions);
        Assert.Equal(new ScopeCounts(1, 1), pipeline.Context.Book.GetCounts("NSE"));
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).IsApproved);
        Assert.True(inFlight.Reservation.Commit("P2"));
        Assert.Equal(new ScopeCounts(2, 1), pipeline.Context.Book.GetCounts("NSE"));
        Assert.Single(host.Logs(1303));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_reload_turning_a_value_into_a_json_array_is_refused_and_the_last_good_settings_stay()
    {
        using var host = await StartAsync(options => options.HaltOnInvalidReload = true);
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();

        // The flat value goes, and a nested array (which configuration reads as not set) takes its place.
        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", null), ("OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS:0", "5"));

        Assert.Equal(2, host.Services.GetRequiredService<IOptionsMonitor<HostSettings>>().CurrentValue.MaxOpenPositions);
        Assert.Contains("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS (configuration key 'OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS') is a JSON object or array", Assert.Single(host.Logs(1302)).Message, StringComparison.Ordinal);
        Assert.Equal(TradingState.Halted, pipeline.Context.Switch.State);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_refused_reload_is_reported_once_so_a_request_scope_does_not_halt_again_after_the_operator_resumed()
    {
        using var host = await StartAsync(options => options.HaltOnInvalidReload = true);
        var context = host.Services.GetRequiredService<RiskContext>();
        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "x"));
        Assert.Equal(TradingState.Halted, context.Switch.State);
        context.Switch.Resume("the last good settings are fine for now", "operator");

        // Each request scope binds IOptionsSnapshot again; it used to report the refusal (and halt) every time.
        for (var i = 0; i < 3; i++)
        {
            using var scope = host.Services.CreateScope();
            Assert.Equal(2, scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<HostSettings>>().Value.MaxOpenPositions);
        }

        Assert.Equal(TradingState.Active, context.Switch.State);
        Assert.Single(host.Logs(1302));

        // Another mistake is news: reported, and halts.
        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "y"));
        Assert.Equal(2, host.Logs(1302).Count);
        Assert.Equal(TradingState.Halted, context.Switch.State);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_lowered_cap_refuses_the_next_entry_and_keeps_the_cooldowns()
    {
        using var host = await StartAsync();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        host.Reload(("OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS", "60"));
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).Reservation.Commit("P1"));
        Assert.Equal(RejectionReason.CooldownActive, pipeline.Evaluate(TestHosts.Signal()).Reason);

        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "1"), ("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", "1"));

        // The cooldown stamped before the reload still runs; once it has passed, the new cap of 1 refuses.
        Assert.Equal(RejectionReason.CooldownActive, pipeline.Evaluate(TestHosts.Signal()).Reason);
        host.Clock().Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(RejectionReason.PositionLimitReached, pipeline.Evaluate(TestHosts.Signal(confidence: 0.99)).Reason);
        Assert.Equal(new[] { "P1" }, pipeline.Context.Book.GetOpenPositions("NSE"));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_invalid_reload_keeps_the_last_good_settings_and_logs_every_problem()
    {
        using var host = await StartAsync();
        var context = host.Services.GetRequiredService<RiskContext>();
        var before = context.Settings;

        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "many"), ("OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION", "-1"));

        Assert.Same(before, context.Settings);
        Assert.Equal(2, host.Services.GetRequiredService<IOptionsMonitor<HostSettings>>().CurrentValue.MaxOpenPositions);
        var refused = host.Logs(1302);
        Assert.Equal(2, refused.Count);
        Assert.Contains(refused, r => r.Message.Contains("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS='many'", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.Message.Contains("OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION='-1'", StringComparison.Ordinal));
        Assert.Equal(TradingState.Active, context.Switch.State);

        // A later valid reload applies again.
        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "1"), ("OI_TRACKER_AUTO_EXEC_MIN_KELLY_FRACTION", "0.2"));
        Assert.Equal(1, context.Settings.MaxOpenPositions);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_invalid_reload_halts_when_the_app_asks_for_it()
    {
        using var host = await StartAsync(options => options.HaltOnInvalidReload = true);
        var context = host.Services.GetRequiredService<RiskContext>();

        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS", "many"));

        Assert.Equal(TradingState.Halted, context.Switch.State);
        Assert.Equal(2, context.Settings.MaxOpenPositions);
        await host.StopAsync();
    }

    [Fact]
    public async Task Auto_exec_turning_false_halts_and_turning_true_never_resumes_an_operator_halt()
    {
        using var host = await StartAsync();
        var context = host.Services.GetRequiredService<RiskContext>();

        host.Reload(("OI_TRACKER_AUTO_EXEC_ENABLED", "false"));
        Assert.Equal(TradingState.Halted, context.Switch.State);
        host.Reload(("OI_TRACKER_AUTO_EXEC_ENABLED", "true"));
        Assert.Equal(TradingState.Active, context.Switch.State);

        context.Switch.Halt("operator: end of day");
        host.Reload(("OI_TRACKER_AUTO_EXEC_ENABLED", "false"));
        host.Reload(("OI_TRACKER_AUTO_EXEC_ENABLED", "true"));
        Assert.Equal(TradingState.Halted, context.Switch.State);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_setting_that_sizes_the_running_state_is_kept_until_restart_and_said_so()
    {
        using var host = await StartAsync();
        var context = host.Services.GetRequiredService<RiskContext>();

        host.Reload(("OI_TRACKER_AUTO_EXEC_MAX_ORDERS_PER_SECOND", "50"), ("OI_TRACKER_RISK_LEDGER", "redis"), ("OI_TRACKER_RISK_LEDGER_CONNECTION", "127.0.0.1:1"));

        Assert.Equal(10, context.Settings.MaxOrdersPerSecond);
        Assert.IsType<InMemoryPositionBook>(context.Book);
        var kept = host.Logs(1304);
        Assert.Contains(kept, r => r.Message.Contains("OI_TRACKER_AUTO_EXEC_MAX_ORDERS_PER_SECOND", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.Message.Contains("OI_TRACKER_RISK_LEDGER changed", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, r => r.Message.Contains("127.0.0.1", StringComparison.Ordinal));
        await host.StopAsync();
    }
}
