using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;
using RiskSdk.Gates;

namespace RiskSdk.Redis.Tests;

/// <summary>
/// The trading state (halted / reduce-only / active, with its cause and time) lives in the ledger: a move in one
/// context reaches every context sharing the ledger within a second, survives restarts, and is never lifted by a
/// process that starts; an unknown state halts. Contexts here are in one test process, each with its own connection,
/// as separate processes have (<see cref="MultiProcessTradingStateTests"/> runs real ones).
/// </summary>
[RequiresRedisServer]
public sealed class SharedTradingStateTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly RedisServerFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = RedisServerFixture.UniquePrefix();
    private readonly List<IDisposable> _owned = new();

    /// <summary>Creates the tests over the class's server.</summary>
    /// <param name="fixture">The server.</param>
    /// <param name="output">Where figures are written.</param>
    public SharedTradingStateTests(RedisServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [LedgerFact]
    public void A_halt_in_one_context_halts_every_context_sharing_the_ledger_within_a_second_with_its_cause()
    {
        var first = Start(_fixture.Server, autoExecEnabled: true);
        var second = Start(_fixture.Server, autoExecEnabled: true);
        Assert.Equal(TradingState.Active, second.Switch.State);

        Assert.True(first.Switch.Halt("flash crash on NSE", "alice"));
        var reached = WaitFor(second, TradingState.Halted);

        _output.WriteLine($"the halt reached the other context after {reached.TotalMilliseconds:F1} ms");
        Assert.InRange(reached, TimeSpan.Zero, LoadedMachine.HaltReach);
        var status = second.Switch.Status;
        Assert.Equal("flash crash on NSE", status.Reason);
        Assert.StartsWith("alice (", status.ChangedBy, StringComparison.Ordinal);
        Assert.Equal(TradingState.Halted, first.Switch.State);

        Assert.True(second.Switch.Resume("all clear", "bob"));
        Assert.InRange(WaitFor(first, TradingState.Active), TimeSpan.Zero, LoadedMachine.HaltReach);
    }

    [LedgerFact]
    public void A_second_halt_for_a_new_cause_is_written_to_the_ledger_and_reaches_every_context()
    {
        var first = Start(_fixture.Server, autoExecEnabled: true);
        var second = Start(_fixture.Server, autoExecEnabled: true);
        first.Switch.Halt("drawdown stop", "alice");
        WaitFor(second, TradingState.Halted);

        Assert.False(first.Switch.Halt("broker outage", "bob"));

        var reached = Stopwatch.StartNew();
        while (second.Switch.Status.Reason != "broker outage" && reached.Elapsed < LoadedMachine.HaltReach)
        {
            Thread.Sleep(1);
        }

        Assert.Equal("broker outage", second.Switch.Status.Reason);
        Assert.StartsWith("bob (", second.Switch.Status.ChangedBy, StringComparison.Ordinal);
        Assert.Equal(TradingState.Halted, second.Switch.State);

        // In the ledger itself: a process started now reads the second cause.
        StopAll();
        Assert.Equal("broker outage", Start(_fixture.Server, autoExecEnabled: true).Switch.Status.Reason);
    }

    [LedgerFact]
    public void A_halt_survives_restarts_and_a_process_starting_with_auto_execution_on_never_lifts_it()
    {
        var first = Start(_fixture.Server, autoExecEnabled: true);
        first.Switch.Halt("end of day", "alice");
        StopAll();

        var restarted = Start(_fixture.Server, autoExecEnabled: true);

        Assert.Equal(TradingState.Halted, restarted.Switch.State);
        Assert.Equal("end of day", restarted.Switch.Status.Reason);
    }

    [LedgerFact]
    public void A_process_starting_with_auto_execution_off_halts_every_process_and_keeps_an_operators_earlier_cause()
    {
        var running = Start(_fixture.Server, autoExecEnabled: true);
        var disabled = Start(_fixture.Server, autoExecEnabled: false);

        Assert.Equal(TradingState.Halted, disabled.Switch.State);
        Assert.InRange(WaitFor(running, TradingState.Halted), TimeSpan.Zero, LoadedMachine.HaltReach);
        Assert.Contains("AutoExecEnabled", running.Switch.Status.Reason, StringComparison.Ordinal);

        // Already halted by an operator: a process starting disabled leaves the operator's cause in place.
        running.Switch.Resume("reviewed", "alice");
        Assert.InRange(WaitFor(disabled, TradingState.Active), TimeSpan.Zero, LoadedMachine.HaltReach);
        running.Switch.Halt("broker outage", "alice");
        var alsoDisabled = Start(_fixture.Server, autoExecEnabled: false);
        Assert.Equal("broker outage", Start(_fixture.Server, autoExecEnabled: true).Switch.Status.Reason);

        // And the process starting disabled shows the ledger's cause, not its own start-up one.
        Assert.Equal("broker outage", alsoDisabled.Switch.Status.Reason);
        Assert.StartsWith("alice (", alsoDisabled.Switch.Status.ChangedBy, StringComparison.Ordinal);
    }

    [LedgerFact]
    public void A_tool_that_does_not_share_the_trading_state_starts_with_auto_execution_off_without_halting_anyone()
    {
        var trader = Start(_fixture.Server, autoExecEnabled: true);
        var tool = Start(_fixture.Server, autoExecEnabled: false, share: false);

        Assert.Equal(TradingState.Halted, tool.Switch.State);
        tool.Switch.Halt("the tool's own halt", "script");
        Thread.Sleep(300);
        Assert.Equal(TradingState.Active, trader.Switch.State);
    }

    [LedgerFact]
    public void A_switch_is_shared_once_and_a_process_that_stops_sharing_halts_alone()
    {
        var first = Start(_fixture.Server, autoExecEnabled: true);
        var second = Start(_fixture.Server, autoExecEnabled: true);
        var book = (RedisPositionBook)first.Book;
        var sharing = book.ShareTradingState(first.Switch);
        Assert.Same(sharing, book.ShareTradingState(first.Switch));

        // As a host does at shutdown: stop sharing, then halt this process only.
        sharing.Dispose();
        first.Switch.Halt("the host is stopping", "host");

        Thread.Sleep(500);
        Assert.Equal(TradingState.Active, second.Switch.State);
        Assert.True(second.Switch.Halt("desk halt", "bob"));
        Thread.Sleep(300);
        Assert.Equal("the host is stopping", first.Switch.Status.Reason);
    }

    [LedgerFact]
    public void Reduce_only_does_not_lift_a_shared_halt_made_elsewhere()
    {
        var first = Start(_fixture.Server, autoExecEnabled: true);
        var second = Start(_fixture.Server, autoExecEnabled: true);
        first.Switch.Halt("risk review", "alice");
        WaitFor(second, TradingState.Halted);

        Assert.False(second.Switch.ReduceOnly("wind down", "bob"));

        Assert.Equal(TradingState.Halted, second.Switch.State);
        Thread.Sleep(300);
        Assert.Equal(TradingState.Halted, first.Switch.State);
    }

    [LedgerFact]
    public void A_halt_made_while_redis_is_frozen_reaches_the_others_when_it_answers_and_entries_are_refused_meanwhile()
    {
        using var server = new RedisServer();
        var first = Start(server, autoExecEnabled: true);
        var second = Start(server, autoExecEnabled: true);
        var entry = new TradeIntent { Exchange = "NSE", Side = TradeSide.Buy, Confidence = 0.8, KellyFraction = 0.2, Lots = 1 };
        var gate = new PositionLimitGate(first);
        var approved = gate.Admit(entry);
        Assert.True(approved.IsApproved, approved.Message);
        Answered.Released((RedisPositionBook)first.Book, approved.Reservation);

        server.Pause();
        try
        {
            Assert.Equal(RejectionReason.LedgerUnavailable, gate.Admit(entry).Reason);
            Thread.Sleep(1200);
            Assert.Equal(RejectionReason.LedgerUnavailable, gate.Admit(entry).Reason);
            second.Switch.Halt("desk halt during the outage", "bob");
            Assert.Equal(TradingState.Active, first.Switch.State);
        }
        finally
        {
            server.Resume();
        }

        // The halt kept by the second context is written when Redis answers and reaches the first (how soon after a
        // thaw is not this test's subject: the bound is only there to end it).
        WaitFor(first, TradingState.Halted, TimeSpan.FromSeconds(20));
        Assert.Equal("desk halt during the outage", first.Switch.Status.Reason);
        Assert.Equal(RejectionReason.TradingHalted, new KillSwitchGate(first).Check(entry).Reason);
    }

    [LedgerFact]
    public void A_resume_made_while_the_ledger_is_down_is_not_written_over_a_halt_made_elsewhere_meanwhile()
    {
        using var server = new RedisServer(durable: true);
        var first = Start(server, autoExecEnabled: true);
        var second = Start(server, autoExecEnabled: true, reconnectInterval: TimeSpan.FromSeconds(3));
        first.Switch.Halt("risk review", "alice");
        WaitFor(second, TradingState.Halted);

        server.Stop();
        Assert.True(WaitUntil(() => second.Book.GetCounts("NSE").Unavailable));
        Assert.True(second.Switch.Resume("resumed blind", "bob"));
        server.Start();

        // The first process reconnects within 100 ms and moves the shared state twice before the second is back.
        Assert.True(WaitUntil(() => !first.Book.GetCounts("NSE").Unavailable));
        first.Switch.Resume("reviewed", "alice");
        first.Switch.Halt("second look", "alice");

        Assert.True(WaitUntil(() => second.Switch.Status.Reason == "second look"), second.Switch.Status.ToString());
        Assert.Equal(TradingState.Halted, second.Switch.State);
        Thread.Sleep(500);
        Assert.Equal(TradingState.Halted, first.Switch.State);
        Assert.Equal("second look", first.Switch.Status.Reason);
    }

    [LedgerFact]
    public void A_halt_is_written_back_when_the_ledger_loses_its_data()
    {
        using var server = new RedisServer();
        var first = Start(server, autoExecEnabled: true);
        first.Switch.Halt("margin call", "alice");
        server.Stop();
        server.Start();

        var waited = Stopwatch.StartNew();
        RiskContext? fresh = null;
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(200);
            fresh = Start(server, autoExecEnabled: true);
            if (fresh.Switch.State == TradingState.Halted && fresh.Switch.Status.Reason == "margin call")
            {
                break;
            }
        }

        Assert.Equal(TradingState.Halted, fresh!.Switch.State);
        Assert.Equal("margin call", fresh.Switch.Status.Reason);
    }

    [LedgerFact]
    public void While_the_shared_trading_state_is_unconfirmed_every_pipeline_refuses_entries_at_the_kill_switch_and_exits_pass()
    {
        var context = Start(_fixture.Server, autoExecEnabled: true, staleAfter: TimeSpan.FromSeconds(2));
        var book = (RedisPositionBook)context.Book;

        // On a loaded machine a reserve can miss its budget or meet a moment of unconfirmed state, and a fill can be kept
        // for the replay: ask again, and wait for the fill to land.
        Answered.First(() => book.TryReserve("NSE", 5), outcome => outcome.Status == ReserveStatus.Unavailable).Reservation.Commit("P1");
        Assert.True(WaitUntil(() => book.DeferredOperationCount == 0));

        // The trading-state key alone stops answering (it holds a string, so reading it as a hash fails): positions
        // still answer, so the only thing unknown is whether another process halted.
        using var raw = ConnectionMultiplexer.Connect(_fixture.Server.ConnectionString);
        var tradingKey = _prefix + "trading";
        raw.GetDatabase().KeyDelete(tradingKey);
        raw.GetDatabase().StringSet(tradingKey, "not a hash");
        Assert.True(WaitUntil(() => !context.TradingStateKnown), "the state was still taken as known 10 s after it stopped being confirmed");

        var entry = new TradeIntent { Exchange = "NSE", Side = TradeSide.Buy, Confidence = 0.8, KellyFraction = 0.2, Lots = 1 };
        var exit = entry with { ReducesPosition = "P1" };
        var withoutKillSwitch = new RiskPipeline(context, [new MinimumConfidenceGate(context)], new PositionLimitGate(context));
        foreach (var pipeline in new IRiskPipeline[] { withoutKillSwitch, RiskPipeline.CreateDefault(context) })
        {
            var refused = pipeline.Evaluate(entry);
            Assert.Equal(RejectionReason.LedgerUnavailable, refused.Reason);
            Assert.Equal(KillSwitchGate.GateName, refused.Gate);
            RiskDecision exited = default;
            Assert.True(WaitUntil(() => (exited = pipeline.Evaluate(exit)).IsApproved), exited.Message); // verifying the exit reads the ledger
        }

        Assert.True(new KillSwitchGate(context).IsHalted);
        Assert.Equal(new ScopeCounts(1, 0), Answered.First(() => book.GetCounts("NSE"), counts => counts.Unavailable));

        // Readable again: the state is confirmed at the next refresh and entries are admitted.
        raw.GetDatabase().KeyDelete(tradingKey);
        Assert.True(WaitUntil(() => context.TradingStateKnown), "the state was not confirmed again within 10 s of the key being readable");
        RiskDecision approved = default;
        Assert.True(WaitUntil(() => (approved = withoutKillSwitch.Evaluate(entry)).IsApproved), approved.Message);
        Answered.Released(book, approved.Reservation);
    }

    /// <inheritdoc/>
    public void Dispose() => StopAll();

    private RiskContext Start(RedisServer server, bool autoExecEnabled, TimeSpan? reconnectInterval = null, bool share = true, TimeSpan? staleAfter = null)
    {
        var book = RedisPositionBook.Connect(
            server.ConnectionString,
            new RedisPositionBookOptions
            {
                KeyPrefix = _prefix,
                OwnerId = "process-" + _owned.Count.ToString(CultureInfo.InvariantCulture),
                ReconnectInterval = reconnectInterval ?? TimeSpan.FromMilliseconds(100),

                // Moves arrive by subscription within milliseconds; a generous staleness bound keeps a loaded test
                // machine from refusing entries for an unconfirmed state where a test does not expect it.
                TradingStateStaleAfter = staleAfter ?? TimeSpan.FromSeconds(5),
                OperationTimeout = TimeSpan.FromSeconds(2),
                ShareTradingState = share,
            });
        ConnectedBook.Answering(book);
        var context = new RiskContext(new RiskSettings { AutoExecEnabled = autoExecEnabled }, book);
        _owned.Add(context);
        _owned.Add(book);

        // The constructor reads the ledger's state once; on a loaded machine that read can miss its budget, and the
        // state is adopted at the next refresh. Tests start from a process that holds the ledger's state.
        Assert.True(WaitUntil(() => context.TradingStateKnown), "the shared trading state was not confirmed within 10 s of starting");
        return context;
    }

    private void StopAll()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    /// <summary>Asks <paramref name="condition"/> until it holds, for at most 10 s; it is not asked again once it held.</summary>
    private static bool WaitUntil(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    private static TimeSpan WaitFor(RiskContext context, TradingState state, TimeSpan? limit = null)
    {
        var waited = Stopwatch.StartNew();
        while (context.Switch.State != state && waited.Elapsed < (limit ?? TimeSpan.FromSeconds(5)))
        {
            Thread.Sleep(1);
        }

        Assert.Equal(state, context.Switch.State);
        return waited.Elapsed;
    }
}
