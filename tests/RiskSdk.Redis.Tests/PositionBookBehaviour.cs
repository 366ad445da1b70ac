using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Redis.Tests;

/// <summary>
/// What every <see cref="IPositionBook"/> must do, run against each implementation (one suite, several books).
/// </summary>
public abstract class PositionBookBehaviour
{
    private const string Scope = "binance";

    /// <summary>A reservation timeout long enough that nothing expires during a test.</summary>
    protected static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A reservation timeout the expiry tests wait out.</summary>
    protected abstract TimeSpan ShortTimeout { get; }

    /// <summary>Creates a book; books created by one test share one ledger.</summary>
    /// <param name="reservationTimeout">How long reservations stay pending.</param>
    /// <returns>The book.</returns>
    protected abstract IPositionBook CreateBook(TimeSpan reservationTimeout);

    /// <summary>Lets <paramref name="span"/> pass on the book's clock.</summary>
    /// <param name="span">How long.</param>
    protected abstract void LetTimePass(TimeSpan span);

    [LedgerFact]
    public void A_missing_position_id_is_refused_with_the_same_message_and_parameter_by_every_book()
    {
        var book = CreateBook(LongTimeout);
        var reservation = book.TryReserve(Scope, 2).Reservation;

        var fillNull = Assert.Throws<ArgumentNullException>(() => reservation.Commit(null!));
        var fillBlank = Assert.Throws<ArgumentException>(() => reservation.Commit(" \t"));
        var closeNull = Assert.Throws<ArgumentNullException>(() => book.Close(Scope, null!));
        var closeEmpty = Assert.Throws<ArgumentException>(() => book.Close(Scope, string.Empty));
        var brokerBlank = Assert.Throws<ArgumentException>(() => book.Reconcile(book.MarkForReconcile(Scope), ["p-1", " "]));

        Assert.Equal("A position id is required; null was given. (Parameter 'positionId')", fillNull.Message);
        Assert.Equal("A position id is required; null was given. (Parameter 'positionId')", closeNull.Message);
        Assert.Equal("A position id must not be empty or blank. (Parameter 'positionId')", fillBlank.Message);
        Assert.Equal("A position id must not be empty or blank. (Parameter 'positionId')", closeEmpty.Message);
        Assert.Equal("A position id must not be empty or blank. (Parameter 'brokerOpenPositionIds')", brokerBlank.Message);
        Assert.Equal(new ScopeCounts(0, 1), book.GetCounts(Scope));
        Assert.True(reservation.Commit("p-1"));
    }

    [LedgerFact]
    public void Reserves_up_to_the_cap_then_answers_at_capacity_with_the_counts_seen()
    {
        var book = CreateBook(LongTimeout);

        var first = book.TryReserve(Scope, 2);
        var second = book.TryReserve(Scope, 2);
        var third = book.TryReserve(Scope, 2);

        Assert.Equal((ReserveStatus.Reserved, 0, 0), (first.Status, first.Open, first.Pending));
        Assert.Equal((ReserveStatus.Reserved, 0, 1), (second.Status, second.Open, second.Pending));
        Assert.Equal((ReserveStatus.AtCapacity, 0, 2), (third.Status, third.Open, third.Pending));
        Assert.False(third.Reservation.HoldsSlot);
        Assert.NotEqual(first.Reservation, second.Reservation);
        Assert.Equal(new ScopeCounts(0, 2), book.GetCounts(Scope));
    }

    [LedgerFact]
    public void A_cap_of_zero_takes_no_slot()
    {
        var book = CreateBook(LongTimeout);

        Assert.Equal(ReserveStatus.AtCapacity, book.TryReserve(Scope, 0).Status);
        Assert.Equal(new ScopeCounts(0, 0), book.GetCounts(Scope));
    }

    [LedgerFact]
    public void Pending_reservations_and_open_positions_both_count_toward_the_cap()
    {
        var book = CreateBook(LongTimeout);
        var filled = book.TryReserve(Scope, 3).Reservation;
        book.TryReserve(Scope, 3);

        Assert.True(filled.Commit("p-1"));
        var third = book.TryReserve(Scope, 3);
        var fourth = book.TryReserve(Scope, 3);

        Assert.Equal((ReserveStatus.Reserved, 1, 1), (third.Status, third.Open, third.Pending));
        Assert.Equal((ReserveStatus.AtCapacity, 1, 2), (fourth.Status, fourth.Open, fourth.Pending));
        Assert.Equal(new ScopeCounts(1, 2), book.GetCounts(Scope));
    }

    [LedgerFact]
    public void Scopes_have_their_own_caps_and_totals_add_them_up()
    {
        var book = CreateBook(LongTimeout);

        Assert.True(book.TryReserve("a", 1).Reservation.Commit("a-1"));
        Assert.True(book.TryReserve("b", 1).IsReserved);
        Assert.False(book.TryReserve("a", 1).IsReserved);

        Assert.Equal(new[] { "A", "B" }, book.Scopes.Order(StringComparer.Ordinal)); // canonical names (ExchangeName)
        Assert.Equal(new ScopeCounts(1, 1), book.GetTotalCounts());
        Assert.Equal(new[] { "a-1" }, book.GetOpenPositions("a"));
        Assert.Empty(book.GetOpenPositions("never-seen"));
        Assert.Equal(default, book.GetCounts("never-seen"));
    }

    [LedgerFact]
    public void Spellings_of_one_scope_share_one_cap_and_an_exit_finds_its_position_under_any_spelling()
    {
        var book = CreateBook(LongTimeout);

        Assert.True(book.TryReserve("okx", 2).Reservation.Commit("p-1"));
        Assert.True(book.TryReserve(" OKX", 2).IsReserved);
        Assert.Equal(ReserveStatus.AtCapacity, book.TryReserve("Okx\t", 2).Status);
        Assert.Equal(new[] { "OKX" }, book.Scopes);
        Assert.Equal(PositionPresence.Open, book.FindPosition("\uFF4F\uFF4B\uFF58", "p-1"));
        Assert.Equal(PositionPresence.NotOpen, book.FindPosition("OKX", "p-2"));
        Assert.Equal(PositionPresence.NotOpen, book.FindPosition("BINANCE", "p-1"));
        Assert.ThrowsAny<ArgumentException>(() => book.Close("OKX", " "));
        Assert.ThrowsAny<ArgumentException>(() => book.Reconcile(book.MarkForReconcile("OKX"), ["p-1", null!]));
        Assert.ThrowsAny<ArgumentException>(() => book.TryReserve("O\u200BKX", 2));
        Assert.Equal(new ScopeCounts(1, 1), book.GetCounts("okx"));
    }

    [LedgerFact]
    public void The_account_wide_cap_counts_open_and_pending_positions_across_scopes()
    {
        var book = CreateBook(LongTimeout);

        Assert.True(book.TryReserve("a", 5, totalCap: 2).Reservation.Commit("a-1"));
        var pending = book.TryReserve("b", 5, totalCap: 2);
        var refused = book.TryReserve("c", 5, totalCap: 2);

        Assert.True(pending.IsReserved);
        Assert.Equal((ReserveStatus.AtTotalCapacity, 2), (refused.Status, refused.AccountTotal));
        Assert.True(book.TryReserve("c", 5).IsReserved); // no account-wide cap asked for
        Assert.True(pending.Reservation.Release());
        Assert.True(book.Close("A", "a-1"));
        Assert.True(book.TryReserve("c", 5, totalCap: 2).IsReserved);
    }

    [LedgerFact]
    public void Threads_racing_for_the_last_slots_never_exceed_the_cap()
    {
        const int Cap = 5;
        var book = CreateBook(LongTimeout);
        var granted = new ConcurrentBag<Reservation>();
        using var start = new Barrier(8);

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            start.SignalAndWait();
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var outcome = book.TryReserve(Scope, Cap);
                Assert.NotEqual(ReserveStatus.Unavailable, outcome.Status);
                if (outcome.IsReserved)
                {
                    granted.Add(outcome.Reservation);
                }
            }
        });

        Assert.Equal(Cap, granted.Count);
        Assert.Equal(Cap, granted.Select(r => r.Id).Distinct().Count());
        Assert.Equal(new ScopeCounts(0, Cap), book.GetCounts(Scope));
    }

    [LedgerFact]
    public void A_duplicate_fill_is_an_ignored_no_op()
    {
        var book = CreateBook(LongTimeout);
        var reservation = book.TryReserve(Scope, 2).Reservation;
        var other = book.TryReserve(Scope, 2).Reservation;

        Assert.True(reservation.Commit("p-1"));
        Assert.False(reservation.Commit("p-1"));
        Assert.False(reservation.Commit("p-2"));

        // A second reservation filled with an id already open frees its slot and records nothing new.
        Assert.False(other.Commit("p-1"));
        Assert.Equal(new ScopeCounts(1, 0), book.GetCounts(Scope));
        Assert.Equal(new[] { "p-1" }, book.GetOpenPositions(Scope));
        Assert.Equal(3, book.IgnoredOperations);
    }

    [LedgerFact]
    public void Release_gives_the_slot_back_once_and_never_undoes_a_fill()
    {
        var book = CreateBook(LongTimeout);
        var released = book.TryReserve(Scope, 1).Reservation;

        Assert.True(released.Release());
        Assert.False(released.Release());
        Assert.False(released.Commit("too-late"));
        var filled = book.TryReserve(Scope, 1).Reservation;
        Assert.True(filled.Commit("p-1"));
        filled.Dispose();

        Assert.Equal(new ScopeCounts(1, 0), book.GetCounts(Scope));
        Assert.Equal(ReserveStatus.AtCapacity, book.TryReserve(Scope, 1).Status);
    }

    [LedgerFact]
    public void Close_frees_the_slot_and_a_second_close_is_ignored()
    {
        var book = CreateBook(LongTimeout);
        book.TryReserve(Scope, 1).Reservation.Commit("p-1");

        Assert.True(book.Close(Scope, "p-1"));
        Assert.False(book.Close(Scope, "p-1"));
        Assert.False(book.Close("never-seen", "p-1"));

        Assert.Equal(2, book.IgnoredOperations);
        Assert.Equal(new ScopeCounts(0, 0), book.GetCounts(Scope));
        Assert.True(book.TryReserve(Scope, 1).IsReserved);
    }

    [LedgerFact]
    public void Operations_on_an_empty_or_foreign_reservation_are_ignored()
    {
        var book = CreateBook(LongTimeout);
        var foreign = new ReservationIssuer(new InMemoryPositionBook()).Issue(Scope, 1);

        Assert.False(book.Commit(default, "p-1"));
        Assert.False(book.Commit(foreign, "p-2"));
        Assert.False(book.Release(foreign));

        Assert.Equal(2, book.IgnoredOperations);
        Assert.Empty(book.GetOpenPositions(Scope));
    }

    [LedgerFact]
    public void Reconcile_makes_open_positions_match_the_broker_and_keeps_pending_reservations()
    {
        var book = CreateBook(LongTimeout);
        book.TryReserve(Scope, 5).Reservation.Commit("p-1");
        book.TryReserve(Scope, 5).Reservation.Commit("p-2");
        book.TryReserve(Scope, 5);

        var report = book.Reconcile(book.MarkForReconcile(Scope), ["p-3", "p-2", "p-3", "p-4"]);
        var again = book.Reconcile(book.MarkForReconcile(Scope), ["p-2", "p-3", "p-4"]);

        Assert.Equal(new[] { "p-3", "p-4" }, report.Added);
        Assert.Equal(new[] { "p-1" }, report.Removed);
        Assert.False(report.InAgreement);
        Assert.True(again.InAgreement);
        Assert.Equal(new ScopeCounts(3, 1), book.GetCounts(Scope));
        Assert.Equal(new[] { "p-2", "p-3", "p-4" }, book.GetOpenPositions(Scope).Order(StringComparer.Ordinal));
        Assert.Equal("RECONCILED-ONLY", book.Reconcile(book.MarkForReconcile("reconciled-only"), []).Scope);
        Assert.Contains("RECONCILED-ONLY", book.Scopes);
    }

    [LedgerFact]
    public void Reconcile_keeps_a_position_filled_after_the_mark_though_the_broker_did_not_list_it()
    {
        var book = CreateBook(LongTimeout);
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-1"));
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-gone"));
        var mark = book.MarkForReconcile(Scope); // then the broker is asked
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-2")); // filled while the broker answered

        var report = book.Reconcile(mark, ["p-1"]);

        Assert.Empty(report.Added);
        Assert.Equal(new[] { "p-gone" }, report.Removed);
        Assert.Equal(new[] { "p-1", "p-2" }, book.GetOpenPositions(Scope).Order(StringComparer.Ordinal));
        Assert.Equal(new ScopeCounts(2, 0), book.GetCounts(Scope));

        // A broker asked after the fill is believed: p-2 is gone if it still does not list it.
        Assert.Equal(new[] { "p-2" }, book.Reconcile(book.MarkForReconcile(Scope), ["p-1"]).Removed);
    }

    [LedgerFact]
    public void Reconcile_does_not_reopen_a_position_closed_after_the_mark_that_the_broker_still_listed()
    {
        var book = CreateBook(LongTimeout);
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-1"));
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-2"));
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-3"));
        Assert.True(book.Close(Scope, "p-3")); // before the mark: the broker knows better
        var mark = book.MarkForReconcile(Scope);
        Assert.True(book.Close(Scope, "p-2")); // closed while the broker answered

        var report = book.Reconcile(mark, ["p-1", "p-2", "p-3", "p-4"]);

        Assert.Equal(new[] { "p-3", "p-4" }, report.Added);
        Assert.Empty(report.Removed);
        Assert.Equal(new[] { "p-1", "p-3", "p-4" }, book.GetOpenPositions(Scope).Order(StringComparer.Ordinal));
        Assert.Equal(PositionPresence.NotOpen, book.FindPosition(Scope, "p-2"));
        Assert.Equal(new[] { "p-2" }, book.Reconcile(book.MarkForReconcile(Scope), ["p-1", "p-2", "p-3", "p-4"]).Added);
    }

    [LedgerFact]
    public void Reconcile_remembers_exactly_the_newest_RememberedCloses_closes_and_adds_back_one_closed_before_them()
    {
        var book = CreateBook(LongTimeout);
        var ids = Enumerable.Range(0, ReconcileMark.RememberedCloses + 1).Select(i => "p-" + i).ToArray();
        Assert.Equal(ids.Length, book.Reconcile(book.MarkForReconcile(Scope), ids).Added.Count);
        var mark = book.MarkForReconcile(Scope); // then the broker is asked, and answers late
        Assert.Equal(ids.Length, book.Reconcile(book.MarkForReconcile(Scope), []).Removed.Count); // every one closed after the mark

        var stale = book.Reconcile(mark, ids);

        // One close more than the memory holds: the oldest is forgotten, so the stale answer adds exactly that one back.
        var forgotten = Assert.Single(stale.Added);
        Assert.Contains(forgotten, ids);
        Assert.Equal(new[] { forgotten }, book.GetOpenPositions(Scope));
    }

    [LedgerFact]
    public void A_position_a_reconcile_removed_is_not_reopened_by_a_reconcile_marked_before_it()
    {
        var book = CreateBook(LongTimeout);
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-1"));
        var earlier = book.MarkForReconcile(Scope);
        var later = book.MarkForReconcile(Scope);

        Assert.Equal(new[] { "p-1" }, book.Reconcile(later, []).Removed);
        var stale = book.Reconcile(earlier, ["p-1"]);

        Assert.True(stale.InAgreement);
        Assert.Empty(book.GetOpenPositions(Scope));
        Assert.Equal(new ScopeCounts(0, 0), book.GetTotalCounts());
    }

    [LedgerFact]
    public void A_mark_ahead_of_the_scope_or_without_a_scope_is_refused_and_changes_nothing()
    {
        var book = CreateBook(LongTimeout);
        Assert.True(book.TryReserve(Scope, 5).Reservation.Commit("p-1"));
        var mark = book.MarkForReconcile(Scope);

        Assert.ThrowsAny<ArgumentException>(() => book.Reconcile(mark with { Version = mark.Version + 1_000 }, []));
        Assert.ThrowsAny<ArgumentException>(() => book.Reconcile(default, []));
        Assert.ThrowsAny<ArgumentException>(() => book.MarkForReconcile(" "));
        Assert.Equal(new[] { "p-1" }, book.GetOpenPositions(Scope));
        Assert.Equal(Scope.ToUpperInvariant(), mark.Scope);
    }

    [LedgerFact]
    public void Fills_and_closes_racing_a_reconcile_loop_never_lose_or_revive_a_position()
    {
        var book = CreateBook(LongTimeout);
        var broker = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var expected = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        using var done = new CancellationTokenSource();
        var reconciles = 0;

        var reconciler = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                var mark = book.MarkForReconcile(Scope);
                var answer = broker.Keys.ToArray();
                Thread.Sleep(1); // the broker's answer travels while fills and closes go on
                book.Reconcile(mark, answer);
                Interlocked.Increment(ref reconciles);
            }
        });

        // At least 300 positions, and on until 30 reconciles have raced them.
        for (var i = 0; i < 300 || Volatile.Read(ref reconciles) < 30; i++)
        {
            // The broker knows a fill before the app tells the book, and a close before the app tells the book.
            var id = "r-" + i;
            var reservation = book.TryReserve(Scope, int.MaxValue).Reservation;
            broker[id] = true;
            reservation.Commit(id); // false when a reconcile already took the position from the broker
            expected[id] = true;
            if (i % 3 == 2)
            {
                var closing = "r-" + (i - 1);
                broker.TryRemove(closing, out _);
                book.Close(Scope, closing);
                expected.TryRemove(closing, out _);
            }
        }

        done.Cancel();
        reconciler.Wait();

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), book.GetOpenPositions(Scope).Order(StringComparer.Ordinal));
        Assert.Equal(new ScopeCounts(expected.Count, 0), book.GetCounts(Scope));
    }

    [LedgerFact]
    public void An_expired_reservation_gives_its_slot_back_and_is_counted()
    {
        var book = CreateBook(ShortTimeout);
        var abandoned = Answered(() => book.TryReserve(Scope, 1));
        Assert.True(abandoned.IsReserved);

        LetTimePass(ShortTimeout * 2);

        Assert.Equal(new ScopeCounts(0, 0), AnsweredCounts(book, Scope));
        Assert.Equal(1, book.ExpiredReservations);
        Assert.True(Answered(() => book.TryReserve(Scope, 1)).IsReserved);
        Assert.False(abandoned.Reservation.Release());
    }

    [LedgerFact]
    public void A_fill_that_arrives_after_its_reservation_expired_is_still_recorded_as_open()
    {
        var book = CreateBook(ShortTimeout);
        var reservation = Answered(() => book.TryReserve(Scope, 1)).Reservation;

        LetTimePass(ShortTimeout * 2);

        Assert.True(reservation.Commit("late"));
        Assert.False(reservation.Commit("late"));
        Assert.Equal(1, book.ExpiredReservations);
        Assert.Equal(new[] { "late" }, book.GetOpenPositions(Scope));
        Assert.Equal(ReserveStatus.AtCapacity, Answered(() => book.TryReserve(Scope, 1)).Status);
    }

    [LedgerFact]
    public void A_reservation_released_after_it_expired_is_forgotten_so_no_late_fill_is_recorded()
    {
        var book = CreateBook(ShortTimeout);
        var reservation = Answered(() => book.TryReserve(Scope, 1)).Reservation;
        LetTimePass(ShortTimeout * 2);
        AnsweredCounts(book, Scope);

        Assert.False(reservation.Release());
        Assert.False(reservation.Commit("never"));
        Assert.Empty(book.GetOpenPositions(Scope));
    }

    [LedgerFact]
    public void The_account_wide_cap_counts_open_and_pending_positions_of_every_exchange_after_the_exchange_cap()
    {
        var book = CreateBook(LongTimeout);
        Assert.True(book.TryReserve("NSE", 2, 3).Reservation.Commit("n-1"));
        book.TryReserve("NSE", 2, 3);

        var atExchangeCap = book.TryReserve("nse", 2, 3);
        var third = book.TryReserve("BSE", 2, 3);
        var atAccountCap = book.TryReserve("MCX", 2, 3);

        Assert.Equal((ReserveStatus.AtCapacity, 1, 1), (atExchangeCap.Status, atExchangeCap.Open, atExchangeCap.Pending));
        Assert.Equal((ReserveStatus.Reserved, 2), (third.Status, third.AccountTotal));
        Assert.Equal((ReserveStatus.AtTotalCapacity, 0, 0, 3), (atAccountCap.Status, atAccountCap.Open, atAccountCap.Pending, atAccountCap.AccountTotal));
        Assert.False(atAccountCap.Reservation.HoldsSlot);
        Assert.Equal(new ScopeCounts(0, 0), book.GetCounts("MCX"));
        Assert.Equal(new ScopeCounts(1, 2), book.GetTotalCounts());

        // A close and a release each give a place back to the account.
        Assert.True(book.Close("NSE", "n-1"));
        Assert.True(book.TryReserve("MCX", 2, 3).IsReserved);
        Assert.Equal(ReserveStatus.AtTotalCapacity, book.TryReserve("MCX", 2, 3).Status);
        Assert.True(third.Reservation.Release());
        Assert.True(book.TryReserve("MCX", 2, 3).IsReserved);
        Assert.Equal(new ScopeCounts(0, 3), book.GetTotalCounts());
    }

    [LedgerFact]
    public void An_expired_reservation_on_an_exchange_nobody_touches_gives_its_place_back_to_the_account()
    {
        var book = CreateBook(ShortTimeout);
        Assert.True(Answered(() => book.TryReserve("NSE", 2, 2)).IsReserved);
        Assert.True(Answered(() => book.TryReserve("BSE", 2, 2)).IsReserved);
        Assert.Equal(ReserveStatus.AtTotalCapacity, Answered(() => book.TryReserve("MCX", 2, 2)).Status);

        LetTimePass(ShortTimeout * 2);

        Assert.True(Answered(() => book.TryReserve("MCX", 2, 2)).IsReserved);
        Assert.Equal(new ScopeCounts(0, 1), Answered(book.GetTotalCounts));
    }

    [LedgerFact]
    public void Threads_racing_over_several_exchanges_never_exceed_the_account_wide_cap()
    {
        const int TotalCap = 7;
        var book = CreateBook(LongTimeout);
        var exchanges = new[] { "NSE", "BSE", "MCX", "NFO" };
        var granted = new ConcurrentBag<Reservation>();
        using var start = new Barrier(8);

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            start.SignalAndWait();
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var outcome = book.TryReserve(exchanges[(thread + attempt) % exchanges.Length], 3, TotalCap);
                Assert.NotEqual(ReserveStatus.Unavailable, outcome.Status);
                if (outcome.IsReserved)
                {
                    granted.Add(outcome.Reservation);
                }
            }
        });

        Assert.Equal(TotalCap, granted.Count);
        Assert.Equal(new ScopeCounts(0, TotalCap), book.GetTotalCounts());
        Assert.All(exchanges, exchange => Assert.InRange(book.GetCounts(exchange).Total, 0, 3));
    }

    [LedgerFact]
    public void Reconcile_moves_the_account_wide_count_with_the_broker()
    {
        var book = CreateBook(LongTimeout);
        Assert.True(book.TryReserve("NSE", 5, 4).Reservation.Commit("n-1"));

        book.Reconcile(book.MarkForReconcile("NSE"), ["n-1", "n-2", "n-3"]);
        book.Reconcile(book.MarkForReconcile("BSE"), ["b-1"]);

        Assert.Equal(new ScopeCounts(4, 0), book.GetTotalCounts());
        Assert.Equal(ReserveStatus.AtTotalCapacity, book.TryReserve("MCX", 5, 4).Status);
        book.Reconcile(book.MarkForReconcile("NSE"), ["n-3"]);
        Assert.True(book.TryReserve("MCX", 5, 4).IsReserved);
    }

    /// <summary>
    /// The first reserve the book answers (not <see cref="ReserveStatus.Unavailable"/>), within 20 s. The expiry tests
    /// run on the wall clock against a remote ledger: on a loaded machine one call can miss its budget, which the book
    /// rightly answers as unavailable; a reserve whose answer came late gives its slot back before the next call runs.
    /// </summary>
    private static ReserveOutcome Answered(Func<ReserveOutcome> reserve) =>
        Infrastructure.Answered.First(reserve, outcome => outcome.Status == ReserveStatus.Unavailable);

    /// <summary>The first counts the book answers (not <see cref="ScopeCounts.Unavailable"/>), within 20 s.</summary>
    private static ScopeCounts Answered(Func<ScopeCounts> read) => Infrastructure.Answered.First(read, counts => counts.Unavailable);

    /// <summary>The first counts of <paramref name="scope"/> the book answers, within 20 s.</summary>
    private static ScopeCounts AnsweredCounts(IPositionBook book, string scope) => Answered(() => book.GetCounts(scope));
}
