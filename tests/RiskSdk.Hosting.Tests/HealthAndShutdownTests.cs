using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using RiskSdk.Hosting.Tests.Infrastructure;
using RiskSdk.Tests.Shared;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Tests;

/// <summary>The health check's states and data, a graceful stop, and metrics per account.</summary>
public sealed class HealthAndShutdownTests
{
    private static async Task<IHost> StartAsync(Action<RiskHostingOptions>? configure = null, IPositionBook? book = null)
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0",
            ["OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"] = "0",
            ["OI_TRACKER_AUTO_EXEC_SESSION_DRAWDOWN_STOP"] = "1000",
        });
        var risk = builder.Services.AddRiskSdk<HostSettings>().AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        if (configure is not null)
        {
            risk.Configure(configure);
        }

        if (book is not null)
        {
            risk.UseLedger((_, _) => book);
        }

        builder.Services.AddHealthChecks().AddRiskSdk();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task Healthy_while_trading_with_each_exchanges_positions_against_its_caps()
    {
        using var host = await StartAsync();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).Reservation.Commit("P1"));
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).IsApproved);

        var entry = (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["risksdk"];

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(new ExchangeHealth(Open: 1, Pending: 1, Cap: 2, HighConfidenceCap: 3), entry.Data["NSE"]);
        Assert.Equal("Active", entry.Data["tradingState"]);
        Assert.Equal(true, entry.Data["ledgerAvailable"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task Unhealthy_while_the_shared_trading_state_is_not_confirmed_though_the_ledger_answers()
    {
        var book = new SharedStateBook { Current = false };
        using var host = await StartAsync(book: book);
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var unknown = (await health.CheckHealthAsync()).Entries["risksdk"];
        Assert.Equal(HealthStatus.Unhealthy, unknown.Status);
        Assert.Equal(true, unknown.Data["ledgerAvailable"]);
        Assert.Equal(false, unknown.Data["tradingStateKnown"]);
        Assert.Contains("shared trading state is not confirmed", unknown.Description, StringComparison.Ordinal);
        Assert.Equal(RejectionReason.LedgerUnavailable, host.Services.GetRequiredService<RiskPipeline>().Evaluate(TestHosts.Signal()).Reason);

        book.Current = true;
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_health_check_for_an_account_never_registered_is_unhealthy_saying_which_account()
    {
        var builder = TestHosts.Builder();
        builder.Services.AddRiskSdk<HostSettings>("acct-1");
        builder.Services.AddHealthChecks().AddRiskSdk("acct-1").AddRiskSdk("acct-2");
        using var host = builder.Build();
        await host.StartAsync();

        // It used to throw "No service for type 'RiskSdk.Hosting.Accounts.RiskAccount' has been registered" out of the
        // whole report, so /health answered 500 and the registered account's check was lost with it.
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["risksdk:acct-2"].Status);
        Assert.Equal("The RiskSdk health check found no account named 'acct-2': call services.AddRiskSdk<TSettings>(\"acct-2\") or check the name.", report.Entries["risksdk:acct-2"].Description);
        Assert.Equal(HealthStatus.Healthy, report.Entries["risksdk:acct-1"].Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task Degraded_when_halted_reduce_only_or_stopped_by_the_drawdown()
    {
        using var host = await StartAsync();
        var context = host.Services.GetRequiredService<RiskContext>();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        context.Switch.ReduceOnly("operator: winding down");
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
        context.Switch.Halt("operator");
        var halted = (await health.CheckHealthAsync()).Entries["risksdk"];
        Assert.Equal(HealthStatus.Degraded, halted.Status);
        Assert.Equal("Halted", halted.Data["tradingState"]);

        context.Switch.Resume("operator");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        context.Exposure.ReportSessionPnl(-1500);
        Assert.Equal(RejectionReason.SessionDrawdownStop, host.Services.GetRequiredService<RiskPipeline>().Evaluate(TestHosts.Signal()).Reason);
        var stopped = (await health.CheckHealthAsync()).Entries["risksdk"];
        Assert.Equal(HealthStatus.Degraded, stopped.Status);
        Assert.Equal(true, stopped.Data["drawdownStopped"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task Stopping_refuses_new_entries_waits_for_orders_in_flight_then_gives_back_the_rest()
    {
        // The drain must outlast this test's own steps while it runs, on a loaded machine too.
        using var host = await StartAsync(options => options.ShutdownDrainTimeout = TimeSpan.FromSeconds(5));
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        var book = pipeline.Context.Book;
        Assert.True(pipeline.Evaluate(TestHosts.Signal("BSE")).Reservation.Commit("B1"));
        var fills = pipeline.Evaluate(TestHosts.Signal());
        var neverAnswered = pipeline.Evaluate(TestHosts.Signal());
        Assert.True(fills.IsApproved && neverAnswered.IsApproved);

        var stopping = host.StopAsync();
        await TestHosts.WaitForAsync(() => host.Logs(1306).Count == 1); // halted, and waiting for the orders in flight

        // Stopping: new entries refused at once, exits still pass, the order in flight still fills.
        Assert.Equal(RejectionReason.TradingHalted, pipeline.Evaluate(TestHosts.Signal("MCX")).Reason);
        Assert.True(pipeline.Evaluate(TestHosts.Signal("BSE") with { ReducesPosition = "B1" }).IsApproved);
        Assert.True(fills.Reservation.Commit("N1"));
        await stopping;

        Assert.Equal(new ScopeCounts(1, 0), book.GetCounts("NSE"));
        Assert.Equal(new ScopeCounts(1, 0), book.GetCounts("BSE"));
        Assert.False(neverAnswered.Reservation.Commit("N2"));
        Assert.Contains("waiting up to 5 s for 2 orders in flight", Assert.Single(host.Logs(1306)).Message, StringComparison.Ordinal);
        Assert.Contains("gave back 1 reservations", Assert.Single(host.Logs(1307)).Message, StringComparison.Ordinal);
        Assert.Equal("host", pipeline.Context.Switch.Status.ChangedBy);
    }

    [Fact]
    public async Task Stopping_with_nothing_in_flight_does_not_wait()
    {
        using var host = await StartAsync(options => options.ShutdownDrainTimeout = TimeSpan.FromMinutes(5));
        Assert.True(host.Services.GetRequiredService<RiskPipeline>().Evaluate(TestHosts.Signal()).Reservation.Commit("P1"));

        var stopped = host.StopAsync();

        Assert.Same(stopped, await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.Empty(host.Logs(1306));
        Assert.Empty(host.Logs(1307));
    }

    [Fact]
    public async Task Two_accounts_count_their_decisions_apart_on_the_hosts_meter_factory()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?> { ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0" });
        builder.Services.AddMetrics();
        builder.Services.AddRiskSdk<HostSettings>("acct-a").AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        builder.Services.AddRiskSdk<HostSettings>("acct-b").AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        using var host = builder.Build();
        await host.StartAsync();
        using var decisions = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), RiskMetrics.MeterName, "risksdk.decisions");

        host.Services.GetRequiredKeyedService<RiskPipeline>("acct-a").Evaluate(TestHosts.Signal());
        host.Services.GetRequiredKeyedService<RiskPipeline>("acct-b").Evaluate(TestHosts.Signal());
        host.Services.GetRequiredKeyedService<RiskPipeline>("acct-b").Evaluate(TestHosts.Signal("BSE"));

        var byAccount = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var measurement in decisions.GetMeasurementSnapshot())
        {
            var account = (string)measurement.Tags[RiskMetrics.ContextAttribute]!;
            byAccount[account] = byAccount.GetValueOrDefault(account) + measurement.Value;
        }

        Assert.Equal(1, byAccount["acct-a"]);
        Assert.Equal(2, byAccount["acct-b"]);
        await host.StopAsync();
    }
}
