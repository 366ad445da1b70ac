using System.Linq;
using OiTracker.Gates;
using OiTracker.Tape;
using Xunit;
using static RiskSdk.Samples.Tests.HandWrittenTape;

namespace RiskSdk.Samples.Tests;

public sealed class OpeningMinutesGateTests
{
    [Fact]
    public void No_new_position_in_the_first_five_minutes_but_exits_pass()
    {
        var tape = Read(
            Signal("09:14:30", "Early"),
            Signal("09:16:00", "A"),
            Exit("09:17:00", "Early"),
            Signal("09:19:59", "B", exchange: "BSE"),
            Signal("09:20:00", "C"));

        var result = Replays.Gated(tape);

        Assert.Empty(tape.Problems);
        Assert.Equal(["Early", "C"], result.Approvals.Select(static a => a.SignalId).ToArray());
        Assert.Equal(2, result.CustomGateRefusals[OpeningMinutesGate.GateName]);
        Assert.Equal(1, result.Exits[ExitReason.Target]);
    }

    [Fact]
    public void The_generated_pipeline_explains_every_gate_in_declared_order()
    {
        using var context = new RiskContext(Replays.Settings());
        var pipeline = new TrackerPipeline(context);

        var verdicts = pipeline.Explain(new TradeIntent { Exchange = "NSE", Confidence = 0.5, KellyFraction = 0.2, Lots = 1 });

        Assert.Equal(
            ["Intent", "KillSwitch", OpeningMinutesGate.GateName, "MinConfidence", "MinKelly", "MaxLots", "NetDelta", "SessionDrawdown", "OrderRate", "Cooldown", "PositionLimit"],
            verdicts.Select(static v => v.Gate).ToArray());
        Assert.Equal(RejectionReason.ConfidenceTooLow, verdicts[3].Reason);
    }
}
