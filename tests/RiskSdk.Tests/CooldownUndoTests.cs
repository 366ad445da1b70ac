using System;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>The cooldown gate gives back the stamp it took under the exchange's canonical name, however the intent spelled it.</summary>
public sealed class CooldownUndoTests
{
    [Theory]
    [InlineData("NSE")]
    [InlineData("nse")]
    [InlineData(" Nse\t")]
    public void Undo_gives_back_the_stamp_taken_for_any_spelling(string spelling)
    {
        using var rig = new TestRig();
        var gate = new CooldownGate(rig.Context);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        var intent = TestRig.Signal(exchange: spelling);
        var clock = new DecisionClock(rig.Clock);

        Assert.True(gate.TryTake(in intent, in slot, ref clock, out var receipt).IsPassed);
        Assert.NotNull(rig.Context.Cooldowns.SinceLastTrade("NSE"));

        gate.Undo(in intent, in receipt);

        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("NSE"));
    }
}
