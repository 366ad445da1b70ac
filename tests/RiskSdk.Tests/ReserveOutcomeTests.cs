using System;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary><see cref="ReserveOutcome"/> keeps the handle it was made with as its parts: each read gives the same handle back.</summary>
public sealed class ReserveOutcomeTests
{
    private readonly InMemoryPositionBook _book = new(TimeSpan.FromSeconds(30), new FakeTimeProvider());

    [Fact]
    public void A_reserved_outcome_gives_back_the_books_handle_on_every_read()
    {
        var outcome = _book.TryReserve("NSE", 2);

        var first = outcome.Reservation;
        var second = outcome.Reservation;

        Assert.True(first.HoldsSlot);
        Assert.Equal(first, second);
        Assert.Equal("NSE", first.Scope);
        Assert.NotEqual(0, first.Id);
        Assert.Same(_book, first.Book);
        Assert.True(second.Release());
        Assert.False(first.Release()); // the same slot: ended once
        Assert.Equal(new ScopeCounts(0, 0), _book.GetCounts("NSE"));
    }

    [Fact]
    public void An_outcome_made_by_another_book_keeps_that_books_handle_whole()
    {
        // What a third-party book does: one issuer for the book, its outcome built with the public constructor.
        var issuer = new ReservationIssuer(_book);
        var handle = issuer.Issue("LSE", 41);

        var outcome = new ReserveOutcome(ReserveStatus.Reserved, handle, open: 1, pending: 2, accountTotal: 3);

        Assert.Equal(handle, outcome.Reservation);
        Assert.True(issuer.Issued(outcome.Reservation));
        Assert.Equal(("LSE", 41L), (outcome.Reservation.Scope, outcome.Reservation.Id));
        Assert.Equal((1, 2, 3), (outcome.Open, outcome.Pending, outcome.AccountTotal));
    }

    [Fact]
    public void A_refusal_and_the_default_outcome_hold_the_empty_reservation()
    {
        _book.TryReserve("NSE", 1);
        var refused = _book.TryReserve("NSE", 1);

        foreach (var outcome in new[] { refused, default(ReserveOutcome), new ReserveOutcome(ReserveStatus.AtCapacity, default, 1, 0) })
        {
            Assert.False(outcome.Reservation.HoldsSlot);
            Assert.Equal(default(Reservation), outcome.Reservation);
            Assert.Null(outcome.Reservation.Scope);
            Assert.Equal(0, outcome.Reservation.Id);
            Assert.Null(outcome.Reservation.Book);
            Assert.False(outcome.Reservation.Release());
        }
    }

    [Fact]
    public void A_scope_full_of_open_positions_is_refused_with_the_counts_it_holds()
    {
        // The early refusal (nothing pending that could expire): built where the book refuses, not copied from aside.
        Assert.True(_book.TryReserve("NSE", 2).Reservation.Commit("P1"));
        Assert.True(_book.TryReserve("NSE", 2).Reservation.Commit("P2"));

        var refused = _book.TryReserve("NSE", 2);

        Assert.Equal(ReserveStatus.AtCapacity, refused.Status);
        Assert.Equal((2, 0, 0), (refused.Open, refused.Pending, refused.AccountTotal));
        Assert.False(refused.IsApproved);
        Assert.Equal(default(Reservation), refused.Reservation);
    }
}
