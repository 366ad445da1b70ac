using System;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Gates;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// The in-memory book keeps every position and answers every read: late fills survive any number of expiries, bad
/// ids are refused before anything changes, reservation handles cannot be forged, reads never throw.
/// </summary>
public sealed class PositionBookContractTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryPositionBook _book;

    public PositionBookContractTests() => _book = new InMemoryPositionBook(TimeSpan.FromSeconds(30), _clock);

    [Fact]
    public void A_late_fill_after_many_expiries_is_still_recorded()
    {
        var first = _book.TryReserve("NSE", int.MaxValue).Reservation;
        for (var i = 0; i < 10_000; i++)
        {
            _book.TryReserve("NSE", int.MaxValue);
        }

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new ScopeCounts(0, 0), _book.GetCounts("NSE"));
        Assert.Equal(10_001, _book.ExpiredReservations);

        Assert.True(first.Commit("P-late"));
        Assert.Equal(1, _book.LateFills);
        Assert.Equal(new[] { "P-late" }, _book.GetOpenPositions("NSE"));
    }

    [Fact]
    public void Expired_reservations_are_forgotten_oldest_first_once_older_than_the_memory()
    {
        var book = new InMemoryPositionBook(TimeSpan.FromSeconds(30), _clock, expiredReservationMemory: TimeSpan.FromMinutes(10));
        var old = book.TryReserve("NSE", 5).Reservation;
        _clock.Advance(TimeSpan.FromSeconds(31));
        book.GetCounts("NSE");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var recent = book.TryReserve("NSE", 5).Reservation;
        _clock.Advance(TimeSpan.FromSeconds(31));
        book.GetCounts("NSE");

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(old.Commit("P-old"));
        Assert.True(recent.Commit("P-recent"));
        Assert.Equal(TimeSpan.FromMinutes(10), book.ExpiredReservationMemory);
        Assert.Equal(TimeSpan.FromHours(1), _book.ExpiredReservationMemory);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Commit_close_and_reconcile_refuse_a_missing_position_id_before_anything_changes(string? id)
    {
        var reservation = _book.TryReserve("NSE", 3).Reservation;
        Assert.True(_book.TryReserve("NSE", 3).Reservation.Commit("P1"));

        Assert.ThrowsAny<ArgumentException>(() => reservation.Commit(id!));
        Assert.ThrowsAny<ArgumentException>(() => _book.Close("NSE", id!));
        Assert.ThrowsAny<ArgumentException>(() => _book.Reconcile(_book.MarkForReconcile("NSE"), new[] { "P2", id! }));

        Assert.Equal(new ScopeCounts(1, 1), _book.GetCounts("NSE"));
        Assert.Equal(new[] { "P1" }, _book.GetOpenPositions("NSE"));
        Assert.True(reservation.Commit("P3"));
    }

    [Fact]
    public void A_scope_name_the_identity_rule_refuses_is_an_argument_error_for_writes_and_nothing_for_reads()
    {
        Assert.Throws<ArgumentException>(() => _book.TryReserve("N\u200BSE", 2));
        Assert.ThrowsAny<ArgumentException>(() => _book.TryReserve(null!, 2));
        Assert.Throws<ArgumentException>(() => _book.Close("", "P1"));

        Assert.Equal(default, _book.GetCounts(null!));
        Assert.Empty(_book.GetOpenPositions("NSE\0"));
        Assert.Equal(PositionPresence.NotOpen, _book.FindPosition("\t", "P1"));
        Assert.Empty(_book.Scopes);
    }

    [Fact]
    public void Scopes_are_kept_and_reported_by_their_canonical_names()
    {
        Assert.True(_book.TryReserve("nse", 2).Reservation.Commit("P1"));

        Assert.Equal(new[] { "NSE" }, _book.Scopes);
        Assert.Equal(PositionPresence.Open, _book.FindPosition(" Nse", "P1"));
        Assert.Equal(new ScopeCounts(1, 0), _book.GetCounts("NSE"));
        Assert.Equal(new ScopeCounts(1, 0), _book.GetCounts("nse "));
        Assert.Equal(new[] { "P1" }, _book.GetOpenPositions("\uFF2E\uFF33\uFF25"));
        Assert.Equal(default, _book.GetCounts("BSE"));
        Assert.Equal(ReserveStatus.Reserved, _book.TryReserve("NSE", 2).Status);
        Assert.Equal(ReserveStatus.AtCapacity, _book.TryReserve("\uFF2E\uFF33\uFF25", 2).Status);
        Assert.True(_book.Close("nse", "P1"));
    }

    [Fact]
    public void A_reservation_has_no_public_constructor()
    {
        var constructors = typeof(Reservation).GetConstructors(BindingFlags.Public | BindingFlags.Instance);

        Assert.Empty(constructors);
    }

    [Fact]
    public void A_forged_handle_cannot_release_or_fill_another_orders_slot()
    {
        var genuine = _book.TryReserve("NSE", 1).Reservation;
        var forged = new ReservationIssuer(_book).Issue(genuine.Scope!, genuine.Id);

        Assert.False(forged.Release());
        Assert.False(forged.Commit("P-forged"));
        Assert.False(_book.Release(forged));

        Assert.Equal(new ScopeCounts(0, 1), _book.GetCounts("NSE"));
        Assert.Equal(ReserveStatus.AtCapacity, _book.TryReserve("NSE", 1).Status);
        Assert.NotEqual(genuine, forged);
        Assert.True(genuine.Commit("P1"));
    }

    [Fact]
    public void A_handle_another_in_memory_book_minted_ends_nothing_here()
    {
        var other = new InMemoryPositionBook();
        var theirs = other.TryReserve("NSE", 1).Reservation;
        var mine = _book.TryReserve("NSE", 1).Reservation;
        Assert.Equal(theirs.Id, mine.Id); // the same scope index and slot in two fresh books

        Assert.False(_book.Release(theirs));
        Assert.False(_book.Commit(theirs, "P-theirs"));
        Assert.Equal(new ScopeCounts(0, 1), _book.GetCounts("NSE"));
        Assert.Equal(new ScopeCounts(0, 1), other.GetCounts("NSE"));
        Assert.True(theirs.Release());
        Assert.True(mine.Commit("P1"));
    }

    [Fact]
    public void A_handle_from_a_freed_scope_ends_nothing_in_the_scope_created_again()
    {
        var old = _book.TryReserve("NSE", 5).Reservation;
        Assert.True(old.Release());
        Assert.Equal(1, _book.ReclaimIdle());

        var fresh = _book.TryReserve("NSE", 5).Reservation;
        Assert.NotEqual(old.Id, fresh.Id);
        Assert.False(old.Release());
        Assert.False(old.Commit("P-old"));
        Assert.Equal(new ScopeCounts(0, 1), _book.GetCounts("NSE"));
        Assert.True(fresh.Commit("P1"));
        Assert.Equal(new ScopeCounts(1, 0), _book.GetCounts("NSE"));
    }

    [Fact]
    public void The_account_wide_total_follows_every_change()
    {
        var nse = _book.TryReserve("NSE", 5, totalCap: 3).Reservation;
        var bse = _book.TryReserve("BSE", 5, totalCap: 3).Reservation;
        Assert.True(_book.TryReserve("MCX", 5, totalCap: 3).Reservation.Commit("M1"));

        var refused = _book.TryReserve("NSE", 5, totalCap: 3);
        Assert.Equal((ReserveStatus.AtTotalCapacity, 3), (refused.Status, refused.AccountTotal));

        Assert.True(bse.Release());
        Assert.True(_book.TryReserve("NSE", 5, totalCap: 3).IsReserved);
        _book.Reconcile(_book.MarkForReconcile("MCX"), Array.Empty<string>());
        Assert.True(nse.Commit("N1"));
        Assert.True(_book.TryReserve("BSE", 5, totalCap: 3).IsReserved);
        Assert.Equal(ReserveStatus.AtTotalCapacity, _book.TryReserve("MCX", 5, totalCap: 3).Status);
        Assert.Equal(new ScopeCounts(1, 2), _book.GetTotalCounts());
    }

    [Fact]
    public void Reads_of_an_unreachable_ledger_say_unavailable_instead_of_zero()
    {
        using var context = new RiskContext(new RiskSettings { Exchanges = "NSE" }, new UnreachableBook());

        var status = context.GetStatus("nse");

        Assert.True(status.Unavailable);
        Assert.True(status.AtNormalCap);
        Assert.Equal(new[] { "NSE" }, context.Exchanges);
        Assert.True(context.Book.Scopes.Unavailable);
        Assert.True(context.Book.GetOpenPositions("NSE").Unavailable);
        Assert.True(context.Book.GetTotalCounts().Unavailable);
        Assert.Equal(RejectionReason.LedgerUnavailable, new PositionLimitGate(context).Check(TestRig.Signal()).Reason);
        Assert.False(new InMemoryPositionBook().Scopes.Unavailable);
    }
}
