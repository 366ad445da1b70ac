using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// The in-memory book keeps its account-wide total only once an account-wide cap is asked for, counting what every
/// scope holds at that moment while other threads go on reserving, releasing, filling and closing without a lock. A
/// count that missed a change would let the account go over its cap: these rounds switch the cap on in the middle of
/// that traffic (by the first reservation under the cap, or by <see cref="RiskContext.ApplySettings"/>), check every
/// admission under the cap against the positions the workers know they hold, and check the total is exact at the end.
/// </summary>
public sealed class AccountTotalSwitchTests
{
    private const int Workers = 4;
    private const int TotalCap = 8;
    private const int MostHeldPerWorker = 6;
    private static readonly string[] Scopes = { "NSE", "BSE" };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Switching_the_account_cap_on_while_threads_reserve_without_a_lock_never_admits_over_it(bool bySettings)
    {
        const int rounds = 60;
        for (var round = 0; round < rounds; round++)
        {
            var book = new InMemoryPositionBook(TimeSpan.FromHours(1), new FakeTimeProvider());
            using var context = new RiskContext(new RiskSettings(), book);
            var shared = new Shared();
            Func<int> totalCap = bySettings
                ? () => context.Settings.MaxOpenPositionsTotal ?? int.MaxValue
                : () => Volatile.Read(ref shared.CapOn) ? TotalCap : int.MaxValue;

            var workers = Enumerable.Range(0, Workers)
                .Select(worker => Task.Run(() => Work(book, totalCap, shared, new Random((round * Workers) + worker), $"{round}-{worker}")))
                .ToArray();

            // Switch once the workers hold positions and reservations of their own (waiting on progress, not on time,
            // so a loaded machine only makes the round longer), at a different point of the traffic each round.
            var switchAfter = 200 + (round * 97 % 1500);
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref shared.Operations) >= switchAfter, TimeSpan.FromSeconds(30)));
            if (bySettings)
            {
                context.ApplySettings(context.Settings with { MaxOpenPositionsTotal = TotalCap });
            }
            else
            {
                Volatile.Write(ref shared.CapOn, true);
            }

            var kept = (await Task.WhenAll(workers)).Sum();

            Assert.True(shared.CappedAdmissions > 0, "no reservation was admitted under the cap");
            Assert.Equal(0, shared.OverCap);
            var counts = book.GetTotalCounts();
            Assert.Equal(new ScopeCounts(kept, 0), counts);
            AccountTotalProbe.AssertHeld(book, counts.Total);
        }
    }

    [Fact]
    public void A_book_counts_what_it_holds_when_the_cap_is_first_asked_for_in_the_slots_and_beyond_them()
    {
        var book = new InMemoryPositionBook(TimeSpan.FromHours(1), new FakeTimeProvider());
        var pending = Enumerable.Range(0, 11).Select(_ => book.TryReserve("NSE", 100).Reservation).ToList();
        Assert.True(book.TryReserve("BSE", 100).Reservation.Commit("B1"));
        pending[3].Release();
        pending[9].Release();

        // 9 pending (seven in the slots, two beyond them) and 1 open: 10 held.
        var refused = book.TryReserve("MCX", 100, totalCap: 10);
        Assert.Equal((ReserveStatus.AtTotalCapacity, 10), (refused.Status, refused.AccountTotal));
        AccountTotalProbe.AssertHeld(book, 10);

        Assert.True(pending[0].Commit("N1"));
        Assert.True(book.Close("BSE", "B1"));
        pending[10].Release();
        AccountTotalProbe.AssertHeld(book, 8);
    }

    [Fact]
    public void A_context_created_with_an_account_cap_counts_from_the_start_and_one_set_later_counts_what_is_held()
    {
        var book = new InMemoryPositionBook(TimeSpan.FromHours(1), new FakeTimeProvider());
        Assert.False(book.TotalTracked);
        using var context = new RiskContext(new RiskSettings(), book);
        Assert.False(book.TotalTracked);
        var held = book.TryReserve("NSE", 5).Reservation;
        Assert.True(book.TryReserve("BSE", 5).Reservation.Commit("B1"));

        context.ApplySettings(context.Settings with { MaxOpenPositionsTotal = 2 });
        Assert.True(book.TotalTracked);
        Assert.Equal(ReserveStatus.AtTotalCapacity, book.TryReserve("MCX", 5, totalCap: 2).Status);
        held.Release();
        AccountTotalProbe.AssertHeld(book, 1);

        var fromStart = new InMemoryPositionBook(TimeSpan.FromHours(1), new FakeTimeProvider());
        using var capped = new RiskContext(new RiskSettings { MaxOpenPositionsTotal = 4 }, fromStart);
        Assert.True(fromStart.TotalTracked);
    }

    /// <summary>
    /// One worker: reserves (under the cap once it is on), releases, fills and closes at random, holding at most
    /// <see cref="MostHeldPerWorker"/> at once, some positions kept open to the end. Returns how many it kept open.
    /// </summary>
    private static int Work(InMemoryPositionBook book, Func<int> totalCap, Shared shared, Random random, string name)
    {
        var held = new List<(string Scope, Reservation Reservation)>();
        var open = new List<(string Scope, string Id)>();
        var noticed = false;
        var next = 0;

        // Until 2,000 operations after this worker saw the cap; should the switch not come within 30 s, the round fails.
        var waiting = Stopwatch.StartNew();
        for (var after = 0; after < 2_000 && (noticed || waiting.Elapsed < TimeSpan.FromSeconds(30)); after += noticed ? 1 : 0)
        {
            Interlocked.Increment(ref shared.Operations);
            var cap = totalCap();
            if (cap != int.MaxValue && !noticed)
            {
                noticed = true;
                Interlocked.Increment(ref shared.Noticed);
            }

            if (held.Count + open.Count < MostHeldPerWorker && random.Next(2) == 0)
            {
                // Every worker has seen the cap before this call: no reservation without it can be admitted any more,
                // so from here on, whatever was held before, an admission under the cap leaves at most the cap held.
                var afterSwitch = Volatile.Read(ref shared.Noticed) == Workers;
                var scope = Scopes[random.Next(Scopes.Length)];
                var outcome = book.TryReserve(scope, 1_000, cap);
                if (!outcome.IsReserved)
                {
                    continue;
                }

                var holding = Interlocked.Increment(ref shared.Held);
                if (cap != int.MaxValue)
                {
                    Interlocked.Increment(ref shared.CappedAdmissions);
                }

                if (afterSwitch && holding > TotalCap)
                {
                    Interlocked.Increment(ref shared.OverCap);
                }

                held.Add((scope, outcome.Reservation));
                continue;
            }

            if (held.Count > 0 && (open.Count == 0 || random.Next(3) > 0))
            {
                var index = random.Next(held.Count);
                var (scope, reservation) = held[index];
                held.RemoveAt(index);
                if (random.Next(3) == 0)
                {
                    var id = $"{name}-{next++}";
                    Assert.True(reservation.Commit(id));
                    open.Add((scope, id));
                }
                else
                {
                    // Counted as no longer held before it is given back: the workers' count never exceeds the book's.
                    Interlocked.Decrement(ref shared.Held);
                    Assert.True(reservation.Release());
                }
            }
            else if (open.Count > 1 || (open.Count == 1 && random.Next(4) == 0))
            {
                var index = random.Next(open.Count);
                var (scope, id) = open[index];
                open.RemoveAt(index);
                Interlocked.Decrement(ref shared.Held);
                Assert.True(book.Close(scope, id));
            }
        }

        foreach (var (_, reservation) in held)
        {
            Interlocked.Decrement(ref shared.Held);
            Assert.True(reservation.Release());
        }

        return open.Count;
    }

    private sealed class Shared
    {
        public bool CapOn;
        public int Operations;
        public int Noticed;
        public int Held;
        public int CappedAdmissions;
        public int OverCap;
    }
}
