using System;
using RiskSdk.Gates;
using RiskSdk.Tests.Shared;

namespace RiskSdk.Tests;

/// <summary>
/// A kill switch shared through the book (the Redis ledger) whose shared state is not confirmed: a halt made in another
/// process may not have arrived, so every pipeline refuses every entry, whatever its gates, and exits still pass. The book
/// here never refuses for it: the refusal is the context's, so it holds for any <see cref="Monitoring.ITradingStateStore"/>.
/// </summary>
public sealed class UnknownTradingStateTests
{
    private static readonly RiskSettings NoCooldown = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [Fact]
    public void A_pipeline_without_the_kill_switch_refuses_every_entry_while_the_shared_trading_state_is_unknown()
    {
        var book = new SharedStateBook { Current = false };
        using var rig = new TestRig(NoCooldown, book);
        var pipeline = new RiskPipeline(rig.Context, [new MinimumConfidenceGate(rig.Context)], new PositionLimitGate(rig.Context));

        var refused = pipeline.Evaluate(TestRig.Signal());

        Assert.False(rig.Context.TradingStateKnown);
        Assert.False(refused.IsApproved);
        Assert.Equal(RejectionReason.LedgerUnavailable, refused.Reason);
        Assert.Equal(KillSwitchGate.GateName, refused.Gate);
        Assert.Equal("KillSwitch: the shared trading state is unknown (Active here, not confirmed by the ledger); only orders that reduce exposure pass until it is", refused.Message);
        Assert.Equal(new Positions.ScopeCounts(0, 0), book.GetCounts("NSE"));
        Assert.Equal(0, rig.Context.OrderRate.CountLastSecond("NSE"));

        book.Current = true;
        Assert.True(rig.Context.TradingStateKnown);
        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void A_verified_exit_passes_while_the_shared_trading_state_is_unknown()
    {
        var book = new SharedStateBook();
        using var rig = new TestRig(NoCooldown, book);
        rig.Open("P1");
        book.Current = false;

        Assert.True(rig.Evaluate(TestRig.Signal(reduces: "P1")).IsApproved);
        Assert.Equal(RejectionReason.LedgerUnavailable, rig.Evaluate(TestRig.Signal()).Reason);
        Assert.Equal(RejectionReason.NoPositionToReduce, rig.Evaluate(TestRig.Signal(reduces: "P404")).Reason);
    }

    [Fact]
    public void The_kill_switch_takes_an_unknown_state_as_halted_and_a_known_halt_keeps_its_own_reason()
    {
        var book = new SharedStateBook { Current = false };
        using var rig = new TestRig(NoCooldown, book);
        var killSwitch = new KillSwitchGate(rig.Context);

        Assert.True(killSwitch.IsHalted);
        Assert.Equal(RejectionReason.LedgerUnavailable, killSwitch.Check(TestRig.Signal()).Reason);
        Assert.True(killSwitch.Check(TestRig.Signal(reduces: "P1")).IsPassed);
        var explained = rig.Pipeline.Explain(TestRig.Signal());
        Assert.Equal(RejectionReason.LedgerUnavailable, explained[0].Reason);
        Assert.Equal(KillSwitchGate.GateName, explained[0].Gate);

        rig.Context.Switch.Halt("operator halt");
        Assert.Equal(RejectionReason.TradingHalted, killSwitch.Check(TestRig.Signal()).Reason);

        rig.Context.Switch.Resume("all clear");
        book.Current = true;
        Assert.False(killSwitch.IsHalted);
        Assert.True(killSwitch.Check(TestRig.Signal()).IsPassed);
    }

    [Fact]
    public void A_context_that_stops_sharing_its_switch_decides_on_its_own_state_again()
    {
        var book = new SharedStateBook { Current = false };
        using var rig = new TestRig(NoCooldown, book);
        Assert.False(rig.Evaluate(TestRig.Signal()).IsApproved);

        rig.Context.StopSharingTradingState();

        Assert.True(rig.Context.TradingStateKnown);
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void A_switch_kept_per_process_is_always_known()
    {
        using var rig = new TestRig(NoCooldown);

        Assert.True(rig.Context.TradingStateKnown);
        Assert.False(new KillSwitchGate(rig.Context).IsHalted);
    }
}
