using System.Collections.Generic;
using System.Threading.Tasks;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Hosting.Tests.Infrastructure;

namespace RiskSdk.Hosting.Tests;

/// <summary>The host frees idle, undeclared exchanges on <see cref="RiskHostingOptions.IdleExchangeSweepInterval"/>, on the host's clock.</summary>
public sealed class IdleExchangeSweepTests
{
    private static async Task<IHost> StartAsync(Action<RiskHostingOptions>? configure = null)
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?> { ["OI_TRACKER_AUTO_EXEC_EXCHANGES"] = "NSE" });
        builder.Services.AddRiskSdk<HostSettings>().Configure(configure ?? (_ => { }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>An exchange that held a position, now closed, as one seen once would: its scope is idle, the declared NSE's too.</summary>
    private static RiskContext Trade(IHost host)
    {
        var context = host.Services.GetRequiredService<RiskContext>();
        foreach (var exchange in new[] { "NSE", "MCX" })
        {
            Assert.True(context.Book.TryReserve(exchange, 2).Reservation.Commit(exchange + "-1"));
            Assert.True(context.Book.Close(exchange, exchange + "-1"));
        }

        return context;
    }

    [Fact]
    public async Task Idle_undeclared_exchanges_are_freed_each_minute_by_default_and_the_sweep_is_logged_at_debug()
    {
        using var host = await StartAsync();
        var context = Trade(host);

        host.Clock().Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.Equal(new[] { "NSE", "MCX" }, context.Book.Scopes);

        host.Clock().Advance(TimeSpan.FromSeconds(1));
        await TestHosts.WaitForAsync(() => host.Logs(1314).Count == 1);

        Assert.Equal(new[] { "NSE" }, context.Book.Scopes);
        var sweep = Assert.Single(host.Logs(1314));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, sweep.Level);
        Assert.Contains("freed idle exchanges: 1 book scopes, 0 cooldowns, 0 order-rate windows", sweep.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public async Task A_zero_or_null_interval_turns_the_sweep_off(int? seconds)
    {
        using var host = await StartAsync(options => options.IdleExchangeSweepInterval = seconds is { } s ? TimeSpan.FromSeconds(s) : null);
        var context = Trade(host);

        host.Clock().Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50);

        Assert.Equal(new[] { "NSE", "MCX" }, context.Book.Scopes);
        Assert.Empty(host.Logs(1314));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_negative_interval_fails_the_start_naming_the_option()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(options => options.IdleExchangeSweepInterval = TimeSpan.FromSeconds(-5)));

        Assert.Contains("IdleExchangeSweepInterval must be positive, or zero or null to turn the sweep off (was -5 s).", failure.Message, StringComparison.Ordinal);
    }
}
