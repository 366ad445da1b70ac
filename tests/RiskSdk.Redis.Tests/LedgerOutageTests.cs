using System;
using System.Diagnostics;
using System.Threading;
using RiskSdk.Gates;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RiskSdk.Redis.Tests;

/// <summary>
/// Redis goes away mid-run: decisions fail closed with <see cref="RejectionReason.LedgerUnavailable"/>, nothing throws,
/// and when Redis is back decisions resume by themselves with no slot lost or doubled. Each test has its own server.
/// </summary>
[RequiresRedisServer]
public sealed class LedgerOutageTests
{
    private const string Scope = "nse";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private static readonly TradeIntent Signal = new() { Exchange = Scope, Side = TradeSide.Buy, Confidence = 0.8, KellyFraction = 0.2, Lots = 1 };
    private readonly ITestOutputHelper _output;

    /// <summary>Creates the tests.</summary>
    /// <param name="output">Where figures are written.</param>
    public LedgerOutageTests(ITestOutputHelper output) => _output = output;

    [LedgerFact]
    public void Redis_stopped_mid_run_fails_closed_and_on_restart_decisions_resume_with_no_slot_lost_or_doubled()
    {
        // Durable (append-only file), as a production ledger runs: a killed server comes back with its data.
        using var server = new RedisServer(durable: true);
        using var book = Connect(server);
        using var context = new RiskContext(new RiskSettings { MaxOpenPositions = 3, MaxOpenPositionsHighConfidence = 3 }, book);
        var gate = new PositionLimitGate(context);
        var filledDuringOutage = ReserveOnceAnswering(book);
        var cancelledDuringOutage = ReserveOnceAnswering(book);
        Answered.Committed(book, ReserveOnceAnswering(book), "p-1");

        server.Stop();
        var watch = Stopwatch.StartNew();
        var refused = gate.Admit(Signal);
        _output.WriteLine($"Admit answered {watch.Elapsed.TotalMilliseconds:F1} ms after Redis was stopped (budget {Budget.TotalMilliseconds} ms)");

        Assert.False(refused.IsApproved);
        Assert.Equal(RejectionReason.LedgerUnavailable, refused.Reason);
        Assert.Equal(RejectionReason.LedgerUnavailable, gate.Check(Signal).Reason);
        Assert.Equal(ReserveStatus.Unavailable, book.TryReserve(Scope, 3).Status);
        Assert.False(filledDuringOutage.Commit("p-2"));
        Assert.False(cancelledDuringOutage.Release());
        Assert.False(book.Close(Scope, "p-1"));
        Assert.Equal(3, book.DeferredOperationCount);
        Assert.True(book.GetCounts(Scope).Unavailable);
        Assert.True(book.GetTotalCounts().Unavailable);
        Assert.Empty(book.GetOpenPositions(Scope));
        Assert.Empty(book.Scopes);
        var mark = book.MarkForReconcile(Scope);
        Assert.True(mark.Unavailable);
        var unreconciled = book.Reconcile(mark, ["p-9"]);
        Assert.True(unreconciled.Unavailable);
        Assert.True(book.Reconcile(new ReconcileMark(Scope.ToUpperInvariant(), 0), ["p-9"]).Unavailable); // an earlier mark changes nothing either
        Assert.False(unreconciled.InAgreement);
        Assert.Empty(unreconciled.Added);

        server.Start();
        var approved = AdmitUntilAnswered(gate);

        Assert.True(approved.IsApproved, approved.Message);
        Assert.Equal(0, book.DeferredOperationCount);
        Assert.Equal(new[] { "p-2" }, Answered.First(() => book.GetOpenPositions(Scope), open => open.Unavailable));
        Assert.Equal(new ScopeCounts(1, 1), Answered.First(() => book.GetCounts(Scope), counts => counts.Unavailable));
        Assert.Equal(0, book.IgnoredOperations);
    }

    [LedgerFact]
    public void A_frozen_redis_fails_closed_within_the_budget_and_the_slot_it_grants_late_is_given_back()
    {
        using var server = new RedisServer();
        using var book = Connect(server);
        var held = ReserveOnceAnswering(book, cap: 2);

        server.Pause();
        ReserveOutcome outcome;
        try
        {
            outcome = book.TryReserve(Scope, 2);
        }
        finally
        {
            server.Resume();
        }

        Assert.Equal(ReserveStatus.Unavailable, outcome.Status);
        var waited = Stopwatch.StartNew();
        var counts = book.GetCounts(Scope);
        while (counts != new ScopeCounts(0, 1) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(20);
            counts = book.GetCounts(Scope);
        }

        Assert.Equal(new ScopeCounts(0, 1), counts);
        Answered.Released(book, held);
        Assert.Equal(new ScopeCounts(0, 0), Answered.First(() => book.GetCounts(Scope), counts => counts.Unavailable));
    }

    [LedgerFact]
    public void A_process_started_while_redis_is_down_admits_nothing_until_it_has_adopted_the_ledgers_halt()
    {
        using var server = new RedisServer(durable: true);
        using (var operatorBook = Connect(server))
        using (var operatorContext = ConnectedBook.Known(new RiskContext(new RiskSettings(), operatorBook)))
        {
            Assert.True(operatorContext.Switch.Halt("operator halt", "alice"));
            Assert.Equal(TradingState.Halted, operatorContext.Switch.State);

            // Known again once the halt is written (a write that missed its budget is kept and written at the next refresh).
            ConnectedBook.Known(operatorContext);
        }

        server.Stop();
        using var book = Connect(server);
        using var context = new RiskContext(new RiskSettings { MaxOpenPositions = 3, MaxOpenPositionsHighConfidence = 3 }, book);
        var gate = new PositionLimitGate(context);

        // Its switch starts active and nothing has told it otherwise: its state is unknown, so every pipeline refuses
        // entries at the kill switch, one that lists no kill switch included; the book refuses too.
        Assert.Equal(TradingState.Active, context.Switch.State);
        Assert.False(context.TradingStateKnown);
        var withoutKillSwitch = new RiskPipeline(context, [new MinimumConfidenceGate(context)], gate);
        var refused = withoutKillSwitch.Evaluate(Signal);
        Assert.Equal(RejectionReason.LedgerUnavailable, refused.Reason);
        Assert.Equal(KillSwitchGate.GateName, refused.Gate);
        Assert.Equal(ReserveStatus.Unavailable, book.TryReserve(Scope, 3).Status);
        Assert.Equal(RejectionReason.LedgerUnavailable, gate.Admit(Signal).Reason);

        server.Start();
        var outcome = TryReserveOnceAnswering(book, cap: 3);

        // The first reserve the book grants comes after the state was confirmed, and confirming adopted the halt.
        Assert.Equal(ReserveStatus.Reserved, outcome.Status);
        Answered.Released(book, outcome.Reservation);
        Assert.Equal(TradingState.Halted, context.Switch.State);
        Assert.Equal("operator halt", context.Switch.Status.Reason);
        Assert.Equal(RejectionReason.TradingHalted, new KillSwitchGate(context).Check(Signal).Reason);
    }

    /// <summary>
    /// Reserves a slot, retrying while the book answers <see cref="ReserveStatus.Unavailable"/> (bounded): a book that
    /// has just connected refuses until its connection is up and its shared trading state confirmed, and on a loaded
    /// machine the client's connect can return before its connection is (it does not abort on a slow connect).
    /// </summary>
    private static Reservation ReserveOnceAnswering(RedisPositionBook book, int cap = 3)
    {
        var outcome = TryReserveOnceAnswering(book, cap);
        Assert.Equal(ReserveStatus.Reserved, outcome.Status);
        return outcome.Reservation;
    }

    /// <summary>Tries to reserve until the book answers anything but <see cref="ReserveStatus.Unavailable"/>, for at most 20 s.</summary>
    private static ReserveOutcome TryReserveOnceAnswering(RedisPositionBook book, int cap)
    {
        var waited = Stopwatch.StartNew();
        var outcome = book.TryReserve(Scope, cap);
        while (outcome.Status == ReserveStatus.Unavailable && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(20);
            outcome = book.TryReserve(Scope, cap);
        }

        return outcome;
    }

    private static RedisPositionBook Connect(RedisServer server) =>
        RedisPositionBook.Connect(
            server.ConnectionString,
            new RedisPositionBookOptions { KeyPrefix = "outage:", OwnerId = "survivor", OperationTimeout = Budget, ReconnectInterval = TimeSpan.FromMilliseconds(100) });

    private RiskDecision AdmitUntilAnswered(PositionLimitGate gate)
    {
        var waited = Stopwatch.StartNew();
        var attempts = 0;
        RiskDecision decision;
        do
        {
            attempts++;
            decision = gate.Admit(Signal);
            if (decision.Reason != RejectionReason.LedgerUnavailable)
            {
                break;
            }

            Thread.Sleep(50);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(20));

        _output.WriteLine($"decisions resumed {waited.ElapsedMilliseconds} ms after Redis restarted ({attempts} attempts)");
        return decision;
    }
}
