using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using RiskSdk.Gates;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RiskSdk.Redis.Tests;

/// <summary>
/// A frozen (SIGSTOP) or stopped Redis never stalls trading threads: each of eight threads racing into decisions
/// answers within the ledger's budget, refusing with <see cref="RejectionReason.LedgerUnavailable"/>; once the ledger
/// is known not to answer (connection down, or a command overdue) they refuse at once; fills, releases and closes
/// never wait and are replayed when Redis answers again. Each test has its own server.
/// </summary>
[RequiresRedisServer]
public sealed class FrozenLedgerTests
{
    private const string Exchange = "NSE";
    private const int Threads = 8;

    /// <summary>The default ledger budget.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(500);

    /// <summary>What a loaded two-core machine may add to the budget: scheduling, not waiting on Redis.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(400);

    /// <summary>No cooldown, so every decision reaches the ledger.</summary>
    private static readonly RiskSettings Settings = new() { MaxOpenPositions = 4, MaxOpenPositionsHighConfidence = 4, SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero, MaxOrdersPerSecond = 1000 };

    private static readonly TradeIntent Entry = new() { Exchange = Exchange, Side = TradeSide.Buy, Confidence = 0.8, KellyFraction = 0.2, Lots = 1 };
    private readonly ITestOutputHelper _output;

    /// <summary>Creates the tests.</summary>
    /// <param name="output">Where the measured times are written.</param>
    public FrozenLedgerTests(ITestOutputHelper output) => _output = output;

    [LedgerFact]
    public void Eight_threads_deciding_against_a_frozen_redis_each_answer_within_the_budget()
    {
        using var server = new RedisServer();
        using var book = Connect(server, Budget);
        using var context = ConnectedBook.Known(new RiskContext(Settings, book));
        var pipeline = RiskPipeline.CreateDefault(context);
        var approved = Answered.First(() => pipeline.Evaluate(Entry), decision => decision.Reason == RejectionReason.LedgerUnavailable);
        Assert.True(approved.IsApproved, approved.Message);

        server.Pause();
        try
        {
            // The order was cancelled while Redis was frozen: the release waits to be replayed. It used to be replayed
            // under one lock by every decision in turn, so eight decisions took 0.5, 1.0 ... 4.0 s.
            var release = Stopwatch.StartNew();
            Assert.False(approved.Reservation.Release());
            Assert.InRange(release.Elapsed, TimeSpan.Zero, Budget + Slack);
            var (decisions, times) = Race(() => pipeline.Evaluate(Entry));

            Report("frozen, a release waiting", times);
            Assert.All(decisions, decision => Assert.Equal(RejectionReason.LedgerUnavailable, decision.Reason));
            Assert.All(times, time => Assert.InRange(time, TimeSpan.Zero, Budget + Slack));
        }
        finally
        {
            server.Resume();
        }

        Assert.True(WaitUntil(() => book.DeferredOperationCount == 0 && book.GetCounts(Exchange) == new ScopeCounts(0, 0)), "the release was not replayed");
    }

    [LedgerFact]
    public void Once_a_command_is_overdue_on_a_frozen_redis_decisions_refuse_at_once_and_resume_when_it_thaws()
    {
        var budget = TimeSpan.FromSeconds(3);
        using var server = new RedisServer();
        using var book = Connect(server, budget);
        using var context = ConnectedBook.Known(new RiskContext(Settings, book));
        var gate = new PositionLimitGate(context);
        Take(book).Release();
        Assert.True(WaitUntil(() => book.DeferredOperationCount == 0));

        server.Pause();
        try
        {
            var (first, firstTimes) = Race(() => gate.Admit(Entry));
            var (next, nextTimes) = Race(() => gate.Admit(Entry));

            Report("frozen, first round", firstTimes);
            Report("frozen, a command overdue", nextTimes);
            Assert.All(first.Concat(next), decision => Assert.Equal(RejectionReason.LedgerUnavailable, decision.Reason));
            Assert.All(firstTimes, time => Assert.InRange(time, TimeSpan.Zero, budget + Slack));

            // Redis answers one connection's commands in order: nothing sent after an overdue command can be answered
            // before it, so the second round is refused without sending anything, well inside the 3 s budget.
            Assert.All(nextTimes, time => Assert.InRange(time, TimeSpan.Zero, budget / 3));
            // Reads never throw and never say 0 or "none": they say unavailable (or unknown), at once.
            var reads = Stopwatch.StartNew();
            Assert.True(book.GetCounts(Exchange).Unavailable);
            Assert.True(book.GetTotalCounts().Unavailable);
            Assert.Null(book.GetPendingReservations(Exchange));
            Assert.True(book.GetOpenPositions(Exchange).Unavailable);
            Assert.True(book.Scopes.Unavailable);
            Assert.Equal(PositionPresence.Unavailable, book.FindPosition(Exchange, "p-1"));
            Assert.True(book.Reconcile(book.MarkForReconcile(Exchange), ["p-1"]).Unavailable);
            Assert.InRange(reads.Elapsed, TimeSpan.Zero, budget / 3);
        }
        finally
        {
            server.Resume();
        }

        Assert.True(WaitUntil(() => gate.Admit(Entry).IsApproved), "decisions did not resume after the thaw");
    }

    [LedgerFact]
    public void A_stopped_redis_is_known_down_so_decisions_and_exits_answer_at_once_and_exits_are_replayed_on_restart()
    {
        var budget = TimeSpan.FromSeconds(3);
        using var server = new RedisServer(durable: true);
        using var book = Connect(server, budget);
        using var context = ConnectedBook.Known(new RiskContext(Settings, book));
        var pipeline = RiskPipeline.CreateDefault(context);
        var filled = Take(book);
        Take(book, fill: "p-1");

        server.Stop();
        Assert.True(WaitUntil(() => book.GetCounts(Exchange).Unavailable), "the book never noticed the server was gone");
        var (decisions, times) = Race(() => pipeline.Evaluate(Entry));
        var exit = Stopwatch.StartNew();
        var closed = book.Close(Exchange, "p-1");
        var fill = filled.Commit("p-2");
        exit.Stop();

        Report("stopped", times);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"a close and a fill were kept for the replay in {exit.Elapsed.TotalMilliseconds:F1} ms"));
        Assert.All(decisions, decision => Assert.Equal(RejectionReason.LedgerUnavailable, decision.Reason));
        Assert.All(times, time => Assert.InRange(time, TimeSpan.Zero, budget / 3));
        Assert.InRange(exit.Elapsed, TimeSpan.Zero, budget / 3);
        Assert.False(closed);
        Assert.False(fill);
        Assert.Equal(2, book.DeferredOperationCount);

        server.Start();
        Assert.True(WaitUntil(() => book.DeferredOperationCount == 0), "the close and the fill were not replayed");
        Assert.Equal(new[] { "p-2" }, Answered.First(() => book.GetOpenPositions(Exchange), names => names.Unavailable));
        Assert.Equal(new ScopeCounts(1, 0), Answered.First(() => book.GetCounts(Exchange), counts => counts.Unavailable));
    }

    [LedgerFact]
    public void A_fill_and_a_close_sent_to_a_frozen_redis_that_land_late_are_not_replayed_a_second_time()
    {
        using var server = new RedisServer();
        using var book = Connect(server, TimeSpan.FromSeconds(2));
        var filled = Take(book);
        Take(book, fill: "p-1");

        server.Pause();
        try
        {
            Assert.False(filled.Commit("p-2"));
            Assert.False(book.Close(Exchange, "p-1")); // not sent: it waits behind the fill
            Assert.Equal(2, book.DeferredOperationCount);
        }
        finally
        {
            server.Resume();
        }

        // The fill was in Redis's socket when it froze: it runs when it thaws, its answer comes late and marks it landed,
        // so the replay drops it instead of running it again (which would count an ignored fill), then runs the close.
        Assert.True(WaitUntil(() => book.DeferredOperationCount == 0), "the operations never left the queue");
        Assert.Equal(new[] { "p-2" }, Answered.First(() => book.GetOpenPositions(Exchange), names => names.Unavailable));
        Assert.Equal(new ScopeCounts(1, 0), Answered.First(() => book.GetCounts(Exchange), counts => counts.Unavailable));
        Assert.Equal(0, book.IgnoredOperations);
    }

    [LedgerFact]
    public void Reservations_a_late_answered_read_found_expired_are_still_counted()
    {
        using var server = new RedisServer();
        using var book = ConnectedBook.Answering(RedisPositionBook.Connect(
            server.ConnectionString,
            new RedisPositionBookOptions { KeyPrefix = "late:", OwnerId = "trader", ReservationTimeout = TimeSpan.FromMilliseconds(200), OperationTimeout = TimeSpan.FromMilliseconds(300) }));
        Assert.True(WaitUntil(() => book.TryReserve(Exchange, 4).IsReserved));
        Thread.Sleep(400); // past the reservation's 200 ms, on any clock of this machine

        server.Pause();
        try
        {
            Assert.True(book.GetCounts(Exchange).Unavailable);
        }
        finally
        {
            server.Resume();
        }

        // The read ran when Redis thawed and removed the expired reservation; only its late answer says so. It used to be
        // dropped, so the expiry was never counted (nor logged, nor in risksdk.reservations.expired).
        Assert.True(WaitUntil(() => book.ExpiredReservations == 1), "the expiry found by the late read was not counted");
        Assert.Equal(new ScopeCounts(0, 0), Answered.First(() => book.GetCounts(Exchange), counts => counts.Unavailable));
        Assert.Equal(1, book.ExpiredReservations);
    }

    /// <remarks>
    /// The shared trading state's staleness bound is not what these tests are about: at its default (1 s) a loaded
    /// machine that takes over a second between the last confirmation and the first frozen round (starting
    /// <c>kill -STOP</c> alone can) makes the book refuse at once for an unconfirmed state, sending nothing, so no
    /// command becomes overdue and a read then waits out the whole budget.
    /// </remarks>
    private static RedisPositionBook Connect(RedisServer server, TimeSpan budget) =>
        ConnectedBook.Answering(RedisPositionBook.Connect(
            server.ConnectionString,
            new RedisPositionBookOptions { KeyPrefix = "frozen:", OwnerId = "trader", OperationTimeout = budget, ReconnectInterval = TimeSpan.FromMilliseconds(100), TradingStateStaleAfter = TimeSpan.FromSeconds(30) }));

    /// <summary>
    /// Setup that a loaded machine must not fail: takes a slot (asking again while the ledger misses its budget) and,
    /// given a position id, fills it and waits until the fill has landed (a fill that missed its budget is replayed).
    /// </summary>
    private static Reservation Take(RedisPositionBook book, string? fill = null)
    {
        var reservation = Answered.First(() => book.TryReserve(Exchange, 4), outcome => outcome.Status == ReserveStatus.Unavailable).Reservation;
        if (fill is not null)
        {
            reservation.Commit(fill);
            Assert.True(WaitUntil(() => book.DeferredOperationCount == 0), "the fill never landed");
        }

        return reservation;
    }

    /// <summary>Starts <see cref="Threads"/> threads at once, each making one decision, and times each.</summary>
    private static (RiskDecision[] Decisions, TimeSpan[] Times) Race(Func<RiskDecision> decide)
    {
        var decisions = new RiskDecision[Threads];
        var times = new TimeSpan[Threads];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            var watch = Stopwatch.StartNew();
            decisions[i] = decide();
            times[i] = watch.Elapsed;
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return (decisions, times);
    }

    private static bool WaitUntil(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    private void Report(string situation, TimeSpan[] times) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{situation}: {Threads} threads answered in {string.Join(", ", times.Select(time => time.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms"));
}
