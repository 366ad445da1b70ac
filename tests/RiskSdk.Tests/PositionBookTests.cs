using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>The in-memory book: reservations, fills, closes, expiry, reconcile, idempotence.</summary>
public sealed class PositionBookTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryPositionBook _book;

    public PositionBookTests() => _book = new InMemoryPositionBook(TimeSpan.FromSeconds(30), _clock);

    [Fact]
    public void Reserve_takes_slots_up_to_the_cap_and_reports_the_counts_it_saw()
    {
        var first = _book.TryReserve("NSE", 2);
        var second = _book.TryReserve("NSE", 2);
        var third = _book.TryReserve("NSE", 2);

        Assert.Equal(ReserveStatus.Reserved, first.Status);
        Assert.Equal((0, 1), (second.Open, second.Pending));
        Assert.Equal(ReserveStatus.AtCapacity, third.Status);
        Assert.True(first.IsApproved);
        Assert.False(third.IsApproved); // the member the analyzer tests for, so an untested reservation is no guard
        Assert.False(third.Reservation.HoldsSlot);
        Assert.Equal(new ScopeCounts(0, 2), _book.GetCounts("NSE"));
    }

    [Fact]
    public void Commit_turns_a_reservation_into_an_open_position_once()
    {
        var reservation = _book.TryReserve("NSE", 2).Reservation;

        Assert.True(reservation.Commit("P1"));
        Assert.False(reservation.Commit("P1"));
        Assert.False(reservation.Release());
        Assert.Equal(new ScopeCounts(1, 0), _book.GetCounts("NSE"));
        Assert.Equal(new[] { "P1" }, _book.GetOpenPositions("NSE"));
        Assert.Equal(1, _book.IgnoredOperations);
    }

    [Fact]
    public void Dispose_releases_an_uncommitted_reservation_and_leaves_a_committed_one()
    {
        using (var reservation = _book.TryReserve("NSE", 2).Reservation)
        {
            Assert.Equal(1, _book.GetCounts("NSE").Pending);
        }

        using (var filled = _book.TryReserve("NSE", 2).Reservation)
        {
            filled.Commit("P1");
        }

        Assert.Equal(new ScopeCounts(1, 0), _book.GetCounts("NSE"));
    }

    [Fact]
    public void Close_is_idempotent_and_counts_unknown_ids()
    {
        _book.TryReserve("NSE", 2).Reservation.Commit("P1");

        Assert.True(_book.Close("NSE", "P1"));
        Assert.False(_book.Close("NSE", "P1"));
        Assert.False(_book.Close("BSE", "never-opened"));
        Assert.Equal(2, _book.IgnoredOperations);
        Assert.Equal(default, _book.GetCounts("NSE"));
    }

    [Fact]
    public void A_reservation_neither_committed_nor_released_gives_its_slot_back_after_the_timeout()
    {
        _book.TryReserve("NSE", 1);
        Assert.Equal(ReserveStatus.AtCapacity, _book.TryReserve("NSE", 1).Status);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(ReserveStatus.AtCapacity, _book.TryReserve("NSE", 1).Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ReserveStatus.Reserved, _book.TryReserve("NSE", 1).Status);
        Assert.Equal(1, _book.ExpiredReservations);
    }

    [Fact]
    public void A_fill_after_expiry_is_recorded_because_the_position_is_real()
    {
        var reservation = _book.TryReserve("NSE", 1).Reservation;
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new ScopeCounts(0, 0), _book.GetCounts("NSE"));

        Assert.True(reservation.Commit("P-late"));

        Assert.Equal(new ScopeCounts(1, 0), _book.GetCounts("NSE"));
        Assert.Equal(1, _book.LateFills);
    }

    [Fact]
    public void A_reservation_from_another_book_is_ignored()
    {
        var other = new InMemoryPositionBook();
        var foreign = other.TryReserve("NSE", 1).Reservation;
        _book.TryReserve("NSE", 5);

        Assert.False(_book.Commit(foreign, "P1"));
        Assert.False(_book.Release(foreign));
        Assert.Equal(new ScopeCounts(0, 1), _book.GetCounts("NSE"));
        Assert.Equal(new ScopeCounts(0, 1), other.GetCounts("NSE"));
    }

    [Fact]
    public void Reconcile_replaces_open_positions_with_the_brokers_and_keeps_pending_ones()
    {
        _book.TryReserve("NSE", 5).Reservation.Commit("A");
        _book.TryReserve("NSE", 5).Reservation.Commit("B");
        _book.TryReserve("NSE", 5);

        var report = _book.Reconcile(_book.MarkForReconcile("NSE"), new[] { "B", "C" });

        Assert.Equal(new[] { "C" }, report.Added);
        Assert.Equal(new[] { "A" }, report.Removed);
        Assert.False(report.InAgreement);
        Assert.Equal(new ScopeCounts(2, 1), _book.GetCounts("NSE"));
        Assert.True(_book.Reconcile(_book.MarkForReconcile("NSE"), new[] { "C", "B" }).InAgreement);
    }

    [Fact]
    public void Two_threads_that_see_one_free_slot_never_both_get_it()
    {
        for (var round = 0; round < 2000; round++)
        {
            var book = new InMemoryPositionBook();
            book.TryReserve("NSE", 2);
            var results = new ReserveOutcome[2];
            Parallel.For(0, 2, i => results[i] = book.TryReserve("NSE", 2));

            Assert.Equal(1, results.Count(r => r.IsReserved));
            Assert.Equal(2, book.GetCounts("NSE").Total);
        }
    }
}
