using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RiskSdk.Hosting.Tests.Infrastructure;
using RiskSdk.Positions;
using RiskSdk.Redis;
using RiskSdk.Redis.Tests.Infrastructure;

namespace RiskSdk.Hosting.Tests;

/// <summary>The Redis ledger in a host, against a real redis-server the test starts and stops.</summary>
public sealed class RedisLedgerHostTests
{
    /// <summary>
    /// The ledger options of one process; the budgets are wide because the test machine is shared and loaded: the
    /// tests are about which reservations a stop gives back and what health says, not about how fast Redis answers.
    /// </summary>
    private static RedisPositionBookOptions Ledger(string owner) => new()
    {
        OwnerId = owner,
        KeyPrefix = "hosting-test:",
        OperationTimeout = TimeSpan.FromSeconds(3),
        TradingStateStaleAfter = TimeSpan.FromSeconds(10),
    };

    private static HostApplicationBuilder Builder(RedisServer server, string owner, bool useRedis = true, Action<RiskHostingOptions>? configure = null)
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["OI_TRACKER_RISK_LEDGER"] = "redis",
            ["OI_TRACKER_RISK_LEDGER_CONNECTION"] = server.ConnectionString,
            ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0",
            ["OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"] = "0",
            ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "3",
        });
        builder.Services.AddSingleton<TimeProvider>(TimeProvider.System);
        var risk = builder.Services.AddRiskSdk<HostSettings>().AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        if (useRedis)
        {
            risk.UseRedisLedger(options: Ledger(owner));
        }

        if (configure is not null)
        {
            risk.Configure(configure);
        }

        builder.Services.AddHealthChecks().AddRiskSdk();
        return builder;
    }

    [RedisFact]
    public async Task The_settings_choose_the_redis_ledger_and_decisions_share_it()
    {
        using var server = new RedisServer();
        using var host = Builder(server, "host-a").Build();
        await host.StartAsync();

        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        Assert.IsType<RedisPositionBook>(pipeline.Context.Book);
        await ApproveAndFillAsync(pipeline, "P1");

        using var other = ConnectedBook.Answering(RedisPositionBook.Connect(server.ConnectionString, Ledger("host-b")));
        Assert.Equal(new[] { "P1" }, Answered.First(() => other.GetOpenPositions("NSE"), names => names.Unavailable));
        await host.StopAsync();
    }

    [RedisFact]
    public async Task Stopping_gives_back_this_process_reservations_and_nothing_else_and_halts_no_other_process()
    {
        using var server = new RedisServer();
        using var host = Builder(server, "host-a").Build();
        await host.StartAsync();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        await ApproveAndFillAsync(pipeline, "P1");
        Assert.True(Answered.First(() => pipeline.Evaluate(TestHosts.Signal()), decision => decision.Reason == RejectionReason.LedgerUnavailable).IsApproved);

        // Another process on the same ledger holds a reservation of its own and shares the trading state.
        using var other = ConnectedBook.Answering(RedisPositionBook.Connect(server.ConnectionString, Ledger("host-b")));
        using var otherContext = ConnectedBook.Known(new RiskContext(new RiskSettings(), other));
        using var sharing = other.ShareTradingState(otherContext.Switch);
        Assert.Equal(ReserveStatus.Reserved, Answered.First(() => other.TryReserve("NSE", 3), outcome => outcome.Status == ReserveStatus.Unavailable).Status);
        Assert.Equal(new ScopeCounts(1, 2), Answered.First(() => other.GetCounts("NSE"), counts => counts.Unavailable));

        await host.StopAsync();

        Assert.Equal(new ScopeCounts(1, 1), Answered.First(() => other.GetCounts("NSE"), counts => counts.Unavailable));
        Assert.Equal(1, Answered.First(other.CountHeld, held => held is null));
        Assert.Equal(TradingState.Active, otherContext.Switch.State);
        Assert.Contains("gave back 1 reservations", Assert.Single(host.Logs(1307)).Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_ledger_down_at_start_is_reported_refuses_trades_and_is_unhealthy_until_it_answers()
    {
        using var server = new RedisServer();
        server.Stop();
        using var host = Builder(server, "host-a").Build();
        await host.StartAsync();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        Assert.Single(host.Logs(1305));
        Assert.Equal(RejectionReason.LedgerUnavailable, pipeline.Evaluate(TestHosts.Signal()).Reason);
        var report = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(false, report.Entries["risksdk"].Data["ledgerAvailable"]);

        server.Start();
        await Eventually(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy);
        await ApproveAndFillAsync(pipeline, "P1");
        await host.StopAsync();
    }

    [RedisFact]
    public async Task A_stopped_ledger_turns_the_health_check_unhealthy_and_a_restarted_one_healthy_again()
    {
        using var server = new RedisServer();
        using var host = Builder(server, "host-a").Build();
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();
        await ApproveAndFillAsync(pipeline, "P1");
        await Eventually(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy);

        server.Stop();
        await Eventually(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Unhealthy);

        server.Start();
        await Eventually(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy);
        await host.StopAsync();
    }

    [RedisFact]
    public async Task The_app_can_require_the_ledger_at_start()
    {
        using var server = new RedisServer();
        server.Stop();
        using var host = Builder(server, "host-a", configure: options => options.RequireLedgerAtStart = true).Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("does not answer", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redis_ledger_without_UseRedisLedger_refuses_to_start_saying_what_to_add()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?> { ["OI_TRACKER_RISK_LEDGER"] = "redis", ["OI_TRACKER_RISK_LEDGER_CONNECTION"] = "127.0.0.1:1" });
        builder.Services.AddRiskSdk<HostSettings>();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("OI_TRACKER_RISK_LEDGER is Redis", failure.Message, StringComparison.Ordinal);
        Assert.Contains("UseRedisLedger()", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_ledger_connection_refuses_to_start_naming_the_account_the_variable_and_the_problem_without_the_password()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?> { ["OI_TRACKER_RISK_LEDGER"] = "redis", ["OI_TRACKER_RISK_LEDGER_CONNECTION"] = "localhost:abc,password=hunter2,ssl=maybe" });
        builder.Services.AddRiskSdk<HostSettings>("acct-7").UseRedisLedger();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var message = failure.ToString();
        Assert.Contains("acct-7", failure.Message, StringComparison.Ordinal);
        Assert.Contains("OI_TRACKER_RISK_LEDGER_CONNECTION", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'localhost:abc' is not host:port", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'maybe'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Approves an entry and fills it, once the ledger answers: right after a start a decision rightly refuses until the
    /// ledger and the shared trading state answer, and on a loaded machine a fill can miss its budget and land at the
    /// replay. Returns once the fill has landed.
    /// </summary>
    private static async Task ApproveAndFillAsync(RiskPipeline pipeline, string positionId)
    {
        RiskDecision approved = default;
        await Eventually(() => Task.FromResult((approved = pipeline.Evaluate(TestHosts.Signal())).IsApproved));
        approved.Reservation.Commit(positionId);
        var book = (RedisPositionBook)pipeline.Context.Book;
        await Eventually(() => Task.FromResult(book.DeferredOperationCount == 0));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 15 s.");
            await Task.Delay(50);
        }
    }
}
