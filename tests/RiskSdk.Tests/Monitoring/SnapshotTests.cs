using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Monitoring;

namespace RiskSdk.Tests.Monitoring;

/// <summary>One call gives the whole picture; unknown counts are null, never zero; the stream moves on change.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void The_snapshot_shows_every_exchange_with_open_and_pending_ids_against_the_caps()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.FromSeconds(300) });
        rig.EvaluateAndFill(TestRig.Signal("NSE"), "P-1");
        rig.Advance(301);
        var pending = rig.Evaluate(TestRig.Signal("NSE", confidence: 0.97));
        rig.Evaluate(TestRig.Signal("BSE", confidence: 0.3));

        var snapshot = rig.Context.Monitor.GetSnapshot();

        Assert.Equal(new[] { "BSE", "NSE" }, snapshot.Exchanges.Select(e => e.Exchange));
        var nse = snapshot.Exchanges[1];
        Assert.Equal((1, 1), (nse.Open, nse.Pending));
        Assert.Equal(new[] { "P-1" }, nse.OpenPositionIds);
        Assert.Equal(new[] { pending.Reservation.Id }, nse.PendingReservationIds);
        Assert.Equal(TimeSpan.FromSeconds(300), nse.CooldownRemaining);
        Assert.Equal(9, nse.OrderRateHeadroom);
        var bse = snapshot.Exchanges[0];
        Assert.Equal((0, 0), (bse.Open, bse.Pending)); // seen only in a decision: known to hold nothing
        Assert.Equal(new CapSnapshot(2, 3, 0.95, MarketRegime.Normal, 2, 3), snapshot.Caps);
        Assert.Equal(new AccountSnapshot(1, 1, null), snapshot.Account);
        Assert.True(snapshot.LedgerAnswered);
        Assert.Equal(3, snapshot.DecisionCount);
        Assert.Equal(TradingState.Active, snapshot.Trading.State);
    }

    [Fact]
    public void Every_declared_exchange_is_shown_from_the_start_in_the_order_declared_with_the_account_cap()
    {
        using var rig = new TestRig(new RiskSettings { Exchanges = "NSE,BSE,MCX", MaxOpenPositionsTotal = 4 });

        var before = rig.Context.Monitor.GetSnapshot();
        rig.EvaluateAndFill(TestRig.Signal("MCX"), "M-1");
        var after = rig.Context.Monitor.GetSnapshot();

        Assert.Equal(new[] { "NSE", "BSE", "MCX" }, before.Exchanges.Select(e => e.Exchange));
        Assert.All(before.Exchanges, e => Assert.True(e.Declared && e.Open == 0 && e.Pending == 0));
        Assert.Equal(new[] { "NSE", "BSE", "MCX" }, after.Exchanges.Select(e => e.Exchange));
        Assert.Equal(1, after.Exchanges[2].Open);
        Assert.Equal(new AccountSnapshot(1, 0, 4), after.Account);
    }

    [Fact]
    public void The_caps_in_force_follow_the_regime_of_the_latest_decision()
    {
        using var rig = new TestRig();
        rig.Evaluate(TestRig.Signal(regime: MarketRegime.HighVolatility)).Reservation.Release();

        var caps = rig.Context.Monitor.GetSnapshot().Caps;

        Assert.Equal((MarketRegime.HighVolatility, 1, 1), (caps.Regime, caps.InForceNormal, caps.InForceHighConfidence));
    }

    [Fact]
    public void The_latest_decisions_carry_time_outcome_reason_figures_band_and_effect()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero });
        rig.EvaluateAndFill(TestRig.Signal(confidence: 0.97), "P-1");
        rig.Advance(1);
        rig.Evaluate(TestRig.Signal(confidence: 0.5));
        rig.Evaluate(TestRig.Signal(reduces: "P-1"));

        var decisions = rig.Context.Monitor.GetRecentDecisions(10);

        Assert.Equal(new long[] { 3, 2, 1 }, decisions.Select(d => d.Sequence));
        var exit = decisions[0];
        Assert.Equal((true, PositionEffect.Exit), (exit.Approved, exit.Effect));
        var refused = decisions[1];
        Assert.Equal((false, RejectionReason.ConfidenceTooLow, 0.5, 0.70, ConfidenceBand.Normal), (refused.Approved, refused.Reason, refused.Observed, refused.Limit, refused.Band));
        Assert.Equal("MinConfidence: confidence 0.5 is below the minimum 0.7", refused.Message);
        Assert.Equal(rig.Clock.GetUtcNow(), refused.Time);
        var first = decisions[2];
        Assert.Equal((true, ConfidenceBand.High, PositionEffect.Entry, "approved"), (first.Approved, first.Band, first.Effect, first.Message));
        Assert.Equal(rig.Clock.GetUtcNow().AddSeconds(-1), first.Time);
    }

    [Fact]
    public void The_ring_keeps_the_newest_decisions_only()
    {
        using var rig = new TestRig();
        var refused = TestRig.Signal(confidence: 0.1);
        for (var i = 0; i < RiskMonitor.MaxRecentDecisions + 10; i++)
        {
            rig.Evaluate(in refused);
        }

        var decisions = rig.Context.Monitor.GetRecentDecisions(RiskMonitor.MaxRecentDecisions + 50);

        Assert.Equal(RiskMonitor.MaxRecentDecisions, decisions.Count);
        Assert.Equal(RiskMonitor.MaxRecentDecisions + 10, decisions[0].Sequence);
        Assert.Equal(11, decisions[^1].Sequence);
    }

    [Fact]
    public void Counts_the_ledger_did_not_give_are_unknown_never_zero()
    {
        using var rig = new TestRig(book: new UnreachableBook());
        rig.Evaluate(TestRig.Signal());

        var snapshot = rig.Context.Monitor.GetSnapshot();

        Assert.False(snapshot.LedgerAnswered);
        var nse = Assert.Single(snapshot.Exchanges);
        Assert.False(nse.LedgerAnswered);
        Assert.Null(nse.Open);
        Assert.Null(nse.Pending);
        Assert.Null(nse.OpenPositionIds);
        Assert.Null(nse.Held);
        Assert.Equal(new AccountSnapshot(null, null, null), snapshot.Account);
        Assert.Equal(RejectionReason.LedgerUnavailable, snapshot.RecentDecisions[0].Reason);
    }

    [Fact]
    public void The_kill_switch_shows_its_cause_author_and_time()
    {
        using var rig = new TestRig();
        rig.Advance(5);
        rig.Context.Switch.Halt("desk review", "alice");

        var trading = rig.Context.Monitor.GetSnapshot().Trading;

        Assert.Equal(new TradingStatus(TradingState.Halted, "desk review", "alice", rig.Clock.GetUtcNow()), trading);
    }

    [Fact]
    public void The_json_has_camel_case_names_enums_as_strings_and_durations_in_seconds()
    {
        using var rig = new TestRig(new RiskSettings { SessionDrawdownStop = 5000 });
        rig.EvaluateAndFill(TestRig.Signal(), "P-1");
        rig.Evaluate(TestRig.Signal(confidence: 0.2));

        var json = JsonSerializer.Serialize(rig.Context.Monitor.GetSnapshot(), RiskJsonContext.Default.RiskSnapshot);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("default", root.GetProperty("context").GetString());
        Assert.Equal("Active", root.GetProperty("trading").GetProperty("state").GetString());
        Assert.Equal("settings", root.GetProperty("trading").GetProperty("changedBy").GetString());
        var nse = root.GetProperty("exchanges")[0];
        Assert.Equal(300, nse.GetProperty("cooldownRemaining").GetDouble());
        Assert.Equal(1, nse.GetProperty("open").GetInt32());
        Assert.Equal(1, nse.GetProperty("held").GetInt32());
        Assert.Equal("P-1", nse.GetProperty("openPositionIds")[0].GetString());
        Assert.Equal(5000, root.GetProperty("drawdown").GetProperty("stop").GetDouble());
        var refused = root.GetProperty("recentDecisions")[0];
        Assert.Equal("ConfidenceTooLow", refused.GetProperty("reason").GetString());
        Assert.Equal("Normal", refused.GetProperty("band").GetString());
        Assert.Equal("Entry", refused.GetProperty("effect").GetString());
    }

    [Fact]
    public void Unknown_counts_are_written_as_null()
    {
        using var rig = new TestRig(book: new UnreachableBook());
        rig.Evaluate(TestRig.Signal());

        var json = JsonSerializer.Serialize(rig.Context.Monitor.GetSnapshot(), RiskJsonContext.Default.RiskSnapshot);
        using var document = JsonDocument.Parse(json);

        var nse = document.RootElement.GetProperty("exchanges")[0];
        Assert.Equal(JsonValueKind.Null, nse.GetProperty("open").ValueKind);
        Assert.False(document.RootElement.GetProperty("ledgerAnswered").GetBoolean());
    }

    [Fact]
    public async Task The_stream_starts_with_the_picture_and_moves_on_a_decision()
    {
        using var rig = new TestRig();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var stream = rig.Context.Monitor.WatchAsync(TimeSpan.FromMilliseconds(10), cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(0, stream.Current.DecisionCount);

        var next = stream.MoveNextAsync();
        rig.EvaluateAndFill(TestRig.Signal(), "P-1");
        Assert.True(await next);

        Assert.Equal(1, stream.Current.DecisionCount);
        Assert.Equal(1, stream.Current.Exchanges.Single().Open);
    }

    [Fact]
    public async Task The_stream_moves_when_the_switch_moves_and_when_a_position_closes()
    {
        using var rig = new TestRig();
        rig.EvaluateAndFill(TestRig.Signal(), "P-1");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var stream = rig.Context.Monitor.WatchAsync(TimeSpan.FromMilliseconds(10), cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await stream.MoveNextAsync());

        rig.Context.Switch.Halt("test", "bob");
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(TradingState.Halted, stream.Current.Trading.State);

        rig.Book.Close("NSE", "P-1"); // no decision: found by the once-a-second full check
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(0, stream.Current.Exchanges.Single().Open);
    }
}
