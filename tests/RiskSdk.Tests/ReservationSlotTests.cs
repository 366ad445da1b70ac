using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// The in-memory book takes a reservation in one of a scope's lock-free slots, and under the scope's lock beyond
/// them. Every way a reservation ends (released, filled, expired, drained) races every other, on both sides of the
/// slots: each reservation ends exactly once, no cap is exceeded, and the account-wide total stays exact.
/// </summary>
public sealed class ReservationSlotTests
{
    private const string Scope = "NSE";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public async Task Every_reservation_ends_exactly_once_while_releases_fills_and_expiry_race(int cap)
    {
        const int workers = 4;
        const int reservationsPerWorker = 20_000;
        var clock = new FakeTimeProvider();
        var book = new InMemoryPositionBook(Timeout, clock);
        var over = 0;
        using var done = new CancellationTokenSource();

        // The clock jumps past the timeout now and then, and reads sweep: expiry races the owners' releases and fills.
        var sweeper = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                if (book.GetCounts(Scope).Total > cap)
                {
                    Interlocked.Increment(ref over);
                }

                clock.Advance(TimeSpan.FromSeconds(3));
            }
        });

        var tallies = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            var tally = new Tally();
            for (var i = 0; i < reservationsPerWorker; i++)
            {
                var outcome = book.TryReserve(Scope, cap);
                if (!outcome.IsReserved)
                {
                    continue;
                }

                tally.Reserved++;
                if (outcome.Open + outcome.Pending >= cap)
                {
                    Interlocked.Increment(ref over);
                }

                if (random.Next(4) == 0)
                {
                    var id = $"P-{worker}-{i}";
                    if (outcome.Reservation.Commit(id))
                    {
                        tally.Filled++;
                        Assert.True(book.Close(Scope, id));
                    }
                }
                else
                {
                    tally.Released += outcome.Reservation.Release() ? 1 : 0;
                }

                // A second end is always a no-op, whichever end came first.
                Assert.False(outcome.Reservation.Release());
            }

            return tally;
        })));
        await done.CancelAsync();
        await sweeper;

        Assert.Equal(0, over);
        clock.Advance(Timeout);
        Assert.Equal(default, book.GetTotalCounts());

        // A fill after its reservation expired is still recorded (a late fill), so it counts as filled and as expired.
        var reserved = tallies.Sum(t => t.Reserved);
        Assert.Equal(reserved, tallies.Sum(t => t.Released) + tallies.Sum(t => t.Filled) + book.ExpiredReservations - book.LateFills);
        Assert.Equal(tallies.Sum(t => t.Released), book.ReleasedReservations);
        AccountTotalProbe.AssertHeld(book, 0);
    }

    [Fact]
    public async Task The_account_total_stays_exact_while_scopes_reserve_release_fill_and_close_beyond_their_slots()
    {
        const int cap = 12;
        var clock = new FakeTimeProvider();
        var book = new InMemoryPositionBook(Timeout, clock);
        string[] scopes = { "NSE", "BSE", "MCX" };

        var kept = await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            var open = 0;
            for (var i = 0; i < 20_000; i++)
            {
                var scope = scopes[random.Next(scopes.Length)];
                var outcome = book.TryReserve(scope, cap, totalCap: 30);
                if (!outcome.IsReserved)
                {
                    continue;
                }

                var id = $"{scope}-{worker}-{i}";
                switch (random.Next(3))
                {
                    case 0:
                        outcome.Reservation.Release();
                        break;
                    case 1 when outcome.Reservation.Commit(id):
                        Assert.True(book.Close(scope, id));
                        break;
                    default:
                        if (random.Next(50) == 0 && outcome.Reservation.Commit(id))
                        {
                            open++; // kept open to the end
                        }
                        else
                        {
                            outcome.Reservation.Release();
                        }

                        break;
                }
            }

            return open;
        })));

        var counts = book.GetTotalCounts();
        Assert.Equal(new ScopeCounts(kept.Sum(), 0), counts);
        AccountTotalProbe.AssertHeld(book, counts.Total);
    }

    [Fact]
    public void Releases_are_counted_in_the_slots_and_beyond_them_and_stay_counted_once_their_scope_is_freed()
    {
        var book = new InMemoryPositionBook(Timeout, new FakeTimeProvider());
        var handles = Enumerable.Range(0, 10).Select(_ => book.TryReserve(Scope, 20).Reservation).ToList();
        Assert.All(handles, handle => Assert.True(handle.Release()));
        Assert.False(handles[0].Release());
        Assert.True(book.TryReserve("BSE", 1).Reservation.Commit("B1"));
        Assert.True(book.TryReserve("BSE", 5).Reservation.Release());
        Assert.Equal(11, book.ReleasedReservations);

        Assert.Equal(1, book.ReclaimIdle());
        Assert.Equal(11, book.ReleasedReservations);
        Assert.True(book.TryReserve(Scope, 1).Reservation.Release());
        Assert.Equal(12, book.ReleasedReservations);
        Assert.Equal(1, book.CommittedReservations);
    }

    [Fact]
    public void Draining_ends_reservations_in_the_slots_and_beyond_them_and_their_handles_then_end_nothing()
    {
        var book = new InMemoryPositionBook(Timeout, new FakeTimeProvider());
        var handles = Enumerable.Range(0, 11).Select(_ => book.TryReserve(Scope, 20).Reservation).ToList();

        Assert.Equal(11, book.GetPendingReservations(Scope)!.Count);
        Assert.Equal(11, book.ReleaseHeld());

        Assert.Equal(default, book.GetCounts(Scope));
        Assert.All(handles, handle => Assert.False(handle.Release()));
        Assert.All(handles, handle => Assert.False(handle.Commit("P-" + handle.Id)));
        AccountTotalProbe.AssertHeld(book, 0);
    }

    private sealed class Tally
    {
        public int Reserved { get; set; }

        public int Released { get; set; }

        public int Filled { get; set; }
    }
}
