using System.Linq;
using OiTracker.Tape;
using Xunit;
using static RiskSdk.Samples.Tests.HandWrittenTape;

namespace RiskSdk.Samples.Tests;

public sealed class KillSwitchTests
{
    [Fact]
    public void A_halt_stops_new_positions_while_exits_still_go_through()
    {
        var tape = Read(
            Signal("09:20:00", "A"),
            Signal("09:21:00", "B", exchange: "BSE"),
            Operator("09:25:00", "halt"),
            Signal("09:40:00", "C"),
            Signal("09:41:00", "D", exchange: "BSE"),
            Exit("09:50:00", "A"),
            Exit("09:51:00", "B", exchange: "BSE"),
            Operator("10:00:00", "resume"),
            Signal("10:10:00", "E"));

        var result = Replays.Gated(tape);

        Assert.Equal(["A", "B", "E"], result.Approvals.Select(static a => a.SignalId).ToArray());
        Assert.Equal(2, result.Rejections[RejectionReason.TradingHalted]);
        Assert.Equal(2, result.Exits[ExitReason.Target]);
        Assert.Equal(0, result.Timelines["BSE"].Points[^1].Open);
        Assert.Equal(1, result.Timelines["NSE"].Points[^1].Open);
    }

    [Fact]
    public void Auto_execution_disabled_opens_nothing()
    {
        var result = Replays.Gated(variables: ("AUTO_EXEC_ENABLED", "false"));

        Assert.Empty(result.Approvals);
        Assert.Equal(0, result.OrdersPlaced);
        Assert.True(result.Rejections[RejectionReason.TradingHalted] > 0);
    }
}
