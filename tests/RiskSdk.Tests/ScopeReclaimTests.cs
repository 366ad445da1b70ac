using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// Freeing an idle exchange's state: an exchange is freed only when freeing it changes no decision, and a thread that
/// found the state just before it was freed never records a trade or an order in it (it would be lost, and the cap or
/// window it counted against with it).
/// </summary>
public sealed class ScopeReclaimTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Many exchanges, so each round races the reclaimer on many first trades (only a state with nothing recorded is idle).</summary>
    private static readonly string[] Exchanges = Enumerable.Range(0, 100).Select(i => "EX" + i).ToArray();

    [Fact]
    public void A_cooldown_is_freed_only_once_every_window_has_passed()
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        Assert.True(cooldowns.TryRecordTrade("NSE", Window, out _));
        clock.Elapse(Window - TimeSpan.FromTicks(1));

        Assert.Equal(0, cooldowns.ReclaimIdle(Window));
        Assert.False(cooldowns.TryRecordTrade("NSE", Window, out _));

        clock.Elapse(TimeSpan.FromTicks(1));
        Assert.Equal(1, cooldowns.ReclaimIdle(Window));
        Assert.Equal(0, cooldowns.Count);
        Assert.Null(cooldowns.SinceLastTrade("NSE"));
        Assert.True(cooldowns.TryRecordTrade("NSE", Window, out _));
        Assert.False(cooldowns.TryRecordTrade("NSE", Window, out _));
    }

    [Fact]
    public void An_order_window_is_freed_only_once_none_of_its_orders_count()
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(1, clock);
        Assert.True(limiter.TryTake("NSE", out _));
        clock.Elapse(TimeSpan.FromSeconds(1));

        Assert.Equal(0, limiter.ReclaimIdle());
        Assert.False(limiter.TryTake("NSE", out _));

        clock.Elapse(TimeSpan.FromSeconds(1.0 / OrderRateLimiter.BucketsPerSecond));
        Assert.Equal(1, limiter.ReclaimIdle());
        Assert.Equal(0, limiter.Count);
        Assert.True(limiter.TryTake("NSE", out _));
        Assert.False(limiter.TryTake("NSE", out _));
    }

    [Fact]
    public void Cooldown_stamps_racing_a_reclaim_are_never_lost()
    {
        // The clock never moves, so a recorded trade never goes idle: exactly one trade per exchange may ever be
        // recorded, however often the reclaimer frees the exchanges that have not traded yet.
        for (var round = 0; round < 40; round++)
        {
            var cooldowns = new CooldownClock(new CountingClock());
            var recorded = new int[Exchanges.Length];
            Race(
                trader: i =>
                {
                    var e = i % Exchanges.Length;
                    if (cooldowns.TryRecordTrade(Exchanges[e], Window, out _))
                    {
                        Interlocked.Increment(ref recorded[e]);
                    }
                },
                reclaim: () => cooldowns.ReclaimIdle(Window));

            Assert.All(recorded, count => Assert.Equal(1, count));
        }
    }

    [Fact]
    public void Orders_racing_a_reclaim_are_never_lost()
    {
        // The clock never moves, so a counted order never leaves the window: exactly the limit may be taken per
        // exchange, however often the reclaimer frees the windows that have no order yet.
        for (var round = 0; round < 40; round++)
        {
            var limiter = new OrderRateLimiter(3, new CountingClock());
            var taken = new int[Exchanges.Length];
            Race(
                trader: i =>
                {
                    var e = i % Exchanges.Length;
                    if (limiter.TryTake(Exchanges[e], out _))
                    {
                        Interlocked.Increment(ref taken[e]);
                    }
                },
                reclaim: () => limiter.ReclaimIdle());

            Assert.All(taken, count => Assert.Equal(3, count));
        }
    }

    [Fact]
    public void A_book_scope_is_freed_only_when_nothing_is_open_pending_or_remembered_as_expired()
    {
        var clock = new CountingClock();
        var book = new InMemoryPositionBook(TimeSpan.FromSeconds(30), clock, expiredReservationMemory: TimeSpan.FromMinutes(10));

        var pending = book.TryReserve("NSE", 2).Reservation;
        Assert.Equal(0, book.ReclaimIdle());
        Assert.True(pending.Commit("P1"));
        Assert.Equal(0, book.ReclaimIdle());

        // An expired reservation is remembered so its late fill is recorded: the scope stays while it is.
        var late = book.TryReserve("NSE", 2).Reservation;
        Assert.True(book.Close("NSE", "P1"));
        clock.Elapse(TimeSpan.FromSeconds(30));
        Assert.Equal(0, book.ReclaimIdle());
        Assert.Equal(new ScopeCounts(0, 0), book.GetCounts("NSE"));
        clock.Elapse(TimeSpan.FromMinutes(10));
        Assert.Equal(1, book.ReclaimIdle());
        Assert.False(late.Commit("P2"));

        Assert.Equal(0, book.ScopeCount);
        Assert.Empty(book.Scopes);
        Assert.Equal(default, book.GetCounts("NSE"));
        Assert.True(book.TryReserve("nse", 1).Reservation.Commit("P3"));
        Assert.Equal(ReserveStatus.AtCapacity, book.TryReserve("NSE", 1).Status);
    }

    [Fact]
    public void A_late_fill_within_the_memory_is_recorded_and_keeps_its_scope()
    {
        var clock = new CountingClock();
        var book = new InMemoryPositionBook(TimeSpan.FromSeconds(30), clock);
        var late = book.TryReserve("NSE", 2).Reservation;
        clock.Elapse(TimeSpan.FromSeconds(31));
        Assert.Equal(0, book.ReclaimIdle());

        Assert.True(late.Commit("P1"));

        Assert.Equal(0, book.ReclaimIdle());
        Assert.Equal(new[] { "P1" }, book.GetOpenPositions("NSE"));
        Assert.Equal(1, book.LateFills);
    }

    [Fact]
    public void Freeing_idle_scopes_leaves_live_scopes_and_the_account_total_as_they_were()
    {
        var book = new InMemoryPositionBook(timeProvider: new CountingClock());
        Assert.True(book.TryReserve("NSE", 2, totalCap: 3).Reservation.Commit("N1"));
        Assert.True(book.TryReserve("NSE", 2, totalCap: 3).Reservation.Commit("N2"));
        var bsePending = book.TryReserve("BSE", 2, totalCap: 3).Reservation;
        foreach (var idle in new[] { "MCX", "NCDEX", "CDS" })
        {
            Assert.True(book.TryReserve(idle, 2).Reservation.Commit(idle + "-1"));
            Assert.True(book.Close(idle, idle + "-1"));
        }

        Assert.Equal(3, book.ReclaimIdle());

        Assert.Equal(new[] { "NSE", "BSE" }, book.Scopes);
        Assert.Equal(new ScopeCounts(2, 0), book.GetCounts("NSE"));
        Assert.Equal(ReserveStatus.AtCapacity, book.TryReserve("NSE", 2).Status);
        Assert.Equal(ReserveStatus.AtTotalCapacity, book.TryReserve("MCX", 2, totalCap: 3).Status);
        Assert.True(bsePending.Commit("B1"));
        Assert.True(book.Close("NSE", "N1"));
        Assert.True(book.TryReserve("MCX", 2, totalCap: 3).IsReserved);
    }

    [Fact]
    public void A_reconcile_marked_before_a_scope_with_closes_was_freed_changes_nothing_and_the_next_one_reconciles()
    {
        var book = new InMemoryPositionBook(timeProvider: new CountingClock());
        Assert.True(book.TryReserve("NSE", 2).Reservation.Commit("P1"));
        var mark = book.MarkForReconcile("NSE");

        // Closed after the mark, while the broker's answer (taken at the mark) still lists it; then the scope is freed.
        Assert.True(book.Close("NSE", "P1"));
        Assert.Equal(1, book.ReclaimIdle());
        Assert.True(book.TryReserve("NSE", 2).Reservation.Commit("P2"));

        var stale = book.Reconcile(mark, ["P1"]);

        Assert.True(stale.Unavailable);
        Assert.True(stale.Stale);
        Assert.Equal(new[] { "P2" }, book.GetOpenPositions("NSE"));
        var next = book.Reconcile(book.MarkForReconcile("NSE"), ["P2"]);
        Assert.True(next.InAgreement);
    }

    [Fact]
    public void Reservations_fills_and_closes_racing_a_book_reclaim_are_never_lost()
    {
        // Each trade reserves, then fills or releases; on three live exchanges the fills stay open (up to the cap), on
        // the others they close at once, so those scopes keep going idle while other threads find them. Every
        // reservation must fill or release, every close must find its position, and the book must end holding exactly
        // the positions left open, in its scopes and in its account-wide total. The count of releases (kept in the
        // scopes, moved to the book when one is freed) never reads less than before and ends exact.
        var reclaimed = 0;
        for (var round = 0; round < 20; round++)
        {
            var book = new InMemoryPositionBook(timeProvider: new CountingClock());
            var kept = new ConcurrentBag<(string Exchange, string Id)>();
            var failures = new ConcurrentQueue<string>();
            long releases = 0, releasesSeen = 0;
            Race(
                trader: i =>
                {
                    // A read that starts after another ended never sees fewer releases, while scopes are being freed.
                    var before = Interlocked.Read(ref releasesSeen);
                    var seen = book.ReleasedReservations;
                    if (seen < before)
                    {
                        failures.Enqueue($"the count of releases went back from {before} to {seen}");
                    }

                    for (var known = before; known < seen && Interlocked.CompareExchange(ref releasesSeen, seen, known) != known; known = Interlocked.Read(ref releasesSeen))
                    {
                    }

                    var exchange = Exchanges[i % 17];
                    var outcome = book.TryReserve(exchange, 3);
                    if (!outcome.IsReserved)
                    {
                        return;
                    }

                    var id = $"{round}-{i}-{Environment.CurrentManagedThreadId}";
                    if (i % 5 == 0)
                    {
                        if (!outcome.Reservation.Release())
                        {
                            failures.Enqueue($"release of {id} on {exchange} was lost");
                        }

                        Interlocked.Increment(ref releases);
                        return;
                    }

                    if (!outcome.Reservation.Commit(id))
                    {
                        failures.Enqueue($"fill {id} on {exchange} was lost");
                    }
                    else if (i % 17 < 3)
                    {
                        kept.Add((exchange, id));
                    }
                    else if (!book.Close(exchange, id))
                    {
                        failures.Enqueue($"position {id} on {exchange} was not found to close");
                    }
                },
                reclaim: () => Interlocked.Add(ref reclaimed, book.ReclaimIdle()));

            Assert.Empty(failures);
            Assert.Equal(releases, book.ReleasedReservations);
            foreach (var exchange in Exchanges.Take(17))
            {
                var expected = kept.Where(k => k.Exchange == exchange).Select(k => k.Id).OrderBy(id => id, StringComparer.Ordinal);
                Assert.Equal(expected, book.GetOpenPositions(exchange).OrderBy(id => id, StringComparer.Ordinal));
            }

            Assert.Equal(new ScopeCounts(kept.Count, 0), book.GetTotalCounts());
            Assert.True(book.TryReserve("TOTAL", 1, totalCap: kept.Count + 1).IsReserved);
            Assert.Equal(ReserveStatus.AtTotalCapacity, book.TryReserve("TOTAL2", 1, totalCap: kept.Count + 1).Status);
            Assert.Equal(9, kept.Count);
        }

        Assert.True(reclaimed > 0, "the reclaimer never freed a scope while the traders ran");
    }

    /// <summary>Three threads call <paramref name="trader"/> with 0 to 299 (each from its own offset) while a fourth calls <paramref name="reclaim"/> until they finish.</summary>
    internal static void Race(Action<int> trader, Action reclaim)
    {
        using var start = new Barrier(4);
        var running = 3;
        var traders = Enumerable.Range(0, 3).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < 300; i++)
                {
                    trader(i + (t * 100));
                }

                Interlocked.Decrement(ref running);
            },
            TaskCreationOptions.LongRunning)).ToArray();
        var reclaimer = Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                while (Volatile.Read(ref running) > 0)
                {
                    reclaim();
                }
            },
            TaskCreationOptions.LongRunning);
        Task.WaitAll([.. traders, reclaimer]);
    }
}
