using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Gates;
using RiskSdk.Monitoring;
using RiskSdk.Tests.Shared;

namespace RiskSdk.Tests;

/// <summary>
/// A kill switch shared through the book (the Redis ledger) whose shared state is not confirmed: a halt made in another
/// process may not have arrived, so every pipeline refuses every entry, whatever its gates, and exits still pass. The book
/// here never refuses for it: the refusal is the context's, so it holds for any <see cref="ITradingStateStore"/>. The
/// operator's snapshot says so.
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
    public void The_operators_snapshot_says_the_shared_trading_state_is_unknown_and_its_json_carries_it()
    {
        var book = new SharedStateBook();
        using var rig = new TestRig(NoCooldown, book);
        Assert.True(rig.Context.Monitor.GetSnapshot().TradingStateKnown);

        book.Current = false;
        var snapshot = rig.Context.Monitor.GetSnapshot();
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(snapshot, RiskJsonContext.Default.RiskSnapshot));

        Assert.False(snapshot.TradingStateKnown);
        Assert.Equal(TradingState.Active, snapshot.Trading.State); // what the switch holds here, not what is in force
        Assert.False(json.RootElement.GetProperty("tradingStateKnown").GetBoolean());
    }

    [Fact]
    public async Task The_stream_moves_when_the_shared_trading_state_becomes_unknown_and_known_again()
    {
        var book = new SharedStateBook();
        using var rig = new TestRig(NoCooldown, book);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var stream = rig.Context.Monitor.WatchAsync(TimeSpan.FromMilliseconds(10), cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(stream.Current.TradingStateKnown);

        book.Current = false; // no decision, no switch move: found by the once-a-second full check
        Assert.True(await stream.MoveNextAsync());
        Assert.False(stream.Current.TradingStateKnown);

        book.Current = true;
        Assert.True(await stream.MoveNextAsync());
        Assert.True(stream.Current.TradingStateKnown);
    }

    [Fact]
    public void A_switch_kept_per_process_is_always_known()
    {
        using var rig = new TestRig(NoCooldown);

        Assert.True(rig.Context.TradingStateKnown);
        Assert.False(new KillSwitchGate(rig.Context).IsHalted);
    }
}
