using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit;

namespace RiskSdk.Redis.Tests;

/// <summary>
/// The behavioural suite against the Redis book on a real redis-server. Expiry is measured by the server's clock,
/// so the expiry tests really wait (a fraction of a second). Every test has its own key prefix.
/// </summary>
[RequiresRedisServer]
public sealed class RedisPositionBookBehaviour : PositionBookBehaviour, IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly RedisServerFixture _fixture;
    private readonly string _prefix = RedisServerFixture.UniquePrefix();
    private readonly List<RedisPositionBook> _books = new();

    /// <summary>Creates the suite over the class's server.</summary>
    /// <param name="fixture">The server.</param>
    public RedisPositionBookBehaviour(RedisServerFixture fixture) => _fixture = fixture;

    /// <inheritdoc/>
    protected override TimeSpan ShortTimeout => TimeSpan.FromMilliseconds(300);

    /// <inheritdoc/>
    protected override IPositionBook CreateBook(TimeSpan reservationTimeout) => Connect(reservationTimeout, "owner-" + _books.Count);

    /// <inheritdoc/>
    protected override void LetTimePass(TimeSpan span) => Thread.Sleep(span);

    [LedgerFact]
    public void Two_processes_books_over_one_prefix_share_the_cap_but_not_each_others_reservations()
    {
        var first = Connect(LongTimeout, "first");
        var second = Connect(LongTimeout, "second");

        var mine = first.TryReserve("okx", 2).Reservation;
        Assert.True(second.TryReserve("okx", 2).Reservation.Commit("p-1"));
        var refused = first.TryReserve("okx", 2);

        Assert.Equal((ReserveStatus.AtCapacity, 1, 1), (refused.Status, refused.Open, refused.Pending));

        // A handle forged with another owner's id is not that owner's reservation.
        Assert.False(second.Commit(new ReservationIssuer(second).Issue("OKX", mine.Id), "p-2"));
        Assert.True(second.Close("okx", "p-1"));
        Assert.Equal(new ScopeCounts(0, 1), first.GetCounts("okx"));
        Assert.True(mine.Commit("p-3"));
        Assert.Equal(new[] { "p-3" }, second.GetOpenPositions("okx"));
    }

    [LedgerFact]
    public void The_operators_view_lists_every_process_pending_reservations_and_counts_how_this_process_ended_its_own()
    {
        var first = Connect(LongTimeout, "first");
        var second = Connect(LongTimeout, "second");
        var filled = first.TryReserve("okx", 5).Reservation;
        var cancelled = first.TryReserve("okx", 5).Reservation;
        var theirs = second.TryReserve("okx", 5).Reservation;

        Assert.Equal(new[] { filled.Id, cancelled.Id, theirs.Id }.Order(), first.GetPendingReservations("okx")!.Order());
        Assert.True(filled.Commit("p-1"));
        Assert.False(filled.Commit("p-1"));
        Assert.True(cancelled.Release());
        Assert.False(cancelled.Release());

        Assert.Equal(new[] { theirs.Id }, first.GetPendingReservations("okx"));
        Assert.Equal((1, 1), (first.CommittedReservations, first.ReleasedReservations));
        Assert.Equal((0, 0), (second.CommittedReservations, second.ReleasedReservations));
    }

    [LedgerFact]
    public void A_ledger_written_before_the_account_count_existed_is_counted_from_its_exchanges_once()
    {
        var book = Connect(LongTimeout, "upgrade");
        Assert.True(book.TryReserve("NSE", 5).Reservation.Commit("n-1"));
        Assert.True(book.TryReserve("BSE", 5).Reservation.Commit("b-1"));
        Assert.Equal(new ScopeCounts(2, 0), book.GetTotalCounts());
        using (var raw = ConnectionMultiplexer.Connect(_fixture.Server.ConnectionString))
        {
            Assert.True(raw.GetDatabase().KeyDelete(_prefix + "account:open"));
        }

        Assert.True(book.Close("BSE", "b-1"));
        Assert.Equal(new ScopeCounts(1, 0), book.GetTotalCounts());
        Assert.True(book.TryReserve("MCX", 5, 2).IsReserved);
        Assert.Equal(ReserveStatus.AtTotalCapacity, book.TryReserve("MCX", 5, 2).Status);
    }

    [LedgerFact]
    public void Options_with_problems_are_refused_listing_every_problem()
    {
        var options = new RedisPositionBookOptions { KeyPrefix = "", OwnerId = " ", OperationTimeout = TimeSpan.Zero };

        var problem = Assert.Throws<ArgumentException>(() => RedisPositionBook.Connect(_fixture.Server.ConnectionString, options));
        Assert.Contains(nameof(RedisPositionBookOptions.KeyPrefix), problem.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RedisPositionBookOptions.OwnerId), problem.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RedisPositionBookOptions.OperationTimeout), problem.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RedisPositionBook.Connect(" "));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var book in _books)
        {
            book.Dispose();
        }
    }

    private RedisPositionBook Connect(TimeSpan reservationTimeout, string owner)
    {
        var book = RedisPositionBook.Connect(
            _fixture.Server.ConnectionString,
            new RedisPositionBookOptions { KeyPrefix = _prefix, OwnerId = owner, ReservationTimeout = reservationTimeout, OperationTimeout = TimeSpan.FromSeconds(5) });
        _books.Add(book);
        return ConnectedBook.Answering(book);
    }
}
