using System;
using System.Diagnostics;
using RiskSdk.Redis.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RiskSdk.Redis.Tests;

/// <summary>The emergency stop reaches every process: two real trading processes share one redis-server.</summary>
[RequiresRedisServer]
public sealed class MultiProcessTradingStateTests : IClassFixture<RedisServerFixture>
{
    private const string Exchange = "NSE";
    private readonly RedisServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    /// <summary>Creates the tests over the class's server.</summary>
    /// <param name="fixture">The server.</param>
    /// <param name="output">Where figures are written.</param>
    public MultiProcessTradingStateTests(RedisServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [LedgerFact]
    public void A_halt_in_one_process_refuses_the_others_next_entry_within_a_second_and_both_stay_halted_after_a_restart()
    {
        var prefix = RedisServerFixture.UniquePrefix();
        using (var first = Trader(prefix))
        using (var second = Trader(prefix))
        {
            Assert.Equal("DECISION Approved", second.Ask("decide"));

            Assert.StartsWith("STATE Halted", first.Ask("halt flash crash"), StringComparison.Ordinal);
            var halted = Stopwatch.StartNew();
            var answer = second.Ask("decide");
            var attempts = 1;
            while (answer != "DECISION TradingHalted" && halted.Elapsed < TimeSpan.FromSeconds(10))
            {
                answer = second.Ask("decide");
                attempts++;
            }

            _output.WriteLine($"the other process refused entries {halted.Elapsed.TotalMilliseconds:F1} ms after the halt ({attempts} decision(s))");
            Assert.Equal("DECISION TradingHalted", answer);
            Assert.InRange(halted.Elapsed, TimeSpan.Zero, LoadedMachine.HaltReach);
            first.Exit();
            second.Exit();
        }

        using var restartedFirst = Trader(prefix);
        using var restartedSecond = Trader(prefix);
        Assert.Equal("DECISION TradingHalted", restartedFirst.Ask("decide"));
        Assert.Equal("DECISION TradingHalted", restartedSecond.Ask("decide"));
        Assert.Contains("reason=flash crash", restartedSecond.Ask("state"), StringComparison.Ordinal);
    }

    private HammerProcess Trader(string prefix)
    {
        var trader = HammerProcess.Trade(_fixture.Server.ConnectionString, prefix, Exchange, autoExecEnabled: true);
        Assert.StartsWith("READY ", trader.ReadLine(), StringComparison.Ordinal);
        return trader;
    }
}
