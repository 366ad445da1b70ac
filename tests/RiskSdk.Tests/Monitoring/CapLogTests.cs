using System;
using System.Linq;
using Microsoft.Extensions.Logging.Testing;

namespace RiskSdk.Tests.Monitoring;

/// <summary>The near-cap warning fires once per crossing and never on an exchange's first trade; reaching the cap is logged.</summary>
public sealed class CapLogTests
{
    private const int NearCap = 1003;
    private const int CapReached = 1012;

    [Fact]
    public void At_a_cap_of_two_the_first_trade_is_quiet_and_the_second_reaches_the_cap()
    {
        var logger = new FakeLogger();
        using var context = new RiskContext(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero }, logger: logger);
        var pipeline = RiskPipeline.CreateDefault(context);

        foreach (var exchange in new[] { "NSE", "BSE" })
        {
            pipeline.Evaluate(TestRig.Signal(exchange)).Reservation.Commit(exchange + "-1");
        }

        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id is NearCap or CapReached);
        pipeline.Evaluate(TestRig.Signal("NSE")).Reservation.Commit("NSE-2");
        pipeline.Evaluate(TestRig.Signal("NSE")); // refused at the cap: nothing more about the cap

        var capLogs = logger.Collector.GetSnapshot().Where(r => r.Id.Id is NearCap or CapReached).ToList();
        var reached = Assert.Single(capLogs);
        Assert.Equal(CapReached, reached.Id.Id);
        Assert.Equal("NSE reached its cap: 2 open or pending positions of 2 (high confidence False); new positions wait for one to close", reached.Message);
    }

    [Fact]
    public void At_a_cap_of_three_the_warning_fires_once_per_crossing()
    {
        var logger = new FakeLogger();
        var settings = new RiskSettings { MaxOpenPositions = 3, MaxOpenPositionsHighConfidence = 3, SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };
        using var context = new RiskContext(settings, logger: logger);
        var pipeline = RiskPipeline.CreateDefault(context);

        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P-1");
        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P-2"); // 2 of 3: near
        context.Book.Close("NSE", "P-2");
        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P-3"); // 2 of 3 again: a new crossing

        Assert.Equal(2, logger.Collector.GetSnapshot().Count(r => r.Id.Id == NearCap));
    }
}
