using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>Many threads against one book and one pipeline: no scope ever holds more than its ceiling, and nothing leaks.</summary>
public sealed class ConcurrencyTests
{
    private const int Ceiling = 3;
    private static readonly string[] Exchanges = { "NSE", "BSE" };
    private int _violations;

    [Fact]
    public async Task A_million_random_operations_never_exceed_the_ceiling_and_end_matching_an_independent_tally()
    {
        const int workers = 4;
        const int operationsPerWorker = 250_000;
        var clock = new FakeTimeProvider();
        var book = new InMemoryPositionBook(TimeSpan.FromSeconds(30), clock);
        using var done = new CancellationTokenSource();

        var observer = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                foreach (var exchange in Exchanges)
                {
                    if (book.GetCounts(exchange).Total > Ceiling)
                    {
                        Interlocked.Increment(ref _violations);
                    }
                }
            }
        });

        var tallies = Enumerable.Range(0, workers)
            .Select(seed => Task.Run(() => Hammer(book, new Random(seed), seed, operationsPerWorker)))
            .ToArray();
        var results = await Task.WhenAll(tallies);
        await done.CancelAsync();
        await observer;

        Assert.Equal(0, Volatile.Read(ref _violations));
        var open = results.SelectMany(t => t.Open).ToHashSet();
        foreach (var exchange in Exchanges)
        {
            var expected = open.Where(id => id.StartsWith(exchange, StringComparison.Ordinal)).OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(expected, book.GetOpenPositions(exchange).OrderBy(id => id, StringComparer.Ordinal));
        }

        // Abandoned reservations still hold their slots until the timeout gives them back, and each is counted.
        var abandoned = results.Sum(t => t.Abandoned);
        Assert.Equal(abandoned, book.GetTotalCounts().Pending);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new ScopeCounts(open.Count, 0), book.GetTotalCounts());
        Assert.Equal(abandoned, book.ExpiredReservations);
    }

    private Tally Hammer(InMemoryPositionBook book, Random random, int worker, int operations)
    {
        var tally = new Tally();
        var next = 0;
        for (var i = 0; i < operations; i++)
        {
            var exchange = Exchanges[random.Next(Exchanges.Length)];
            var roll = random.Next(100);
            if (roll < 50)
            {
                var cap = random.Next(2) == 0 ? 2 : Ceiling;
                var outcome = book.TryReserve(exchange, cap);
                if (!outcome.IsReserved)
                {
                    continue;
                }

                if (outcome.Open + outcome.Pending + 1 > cap)
                {
                    Interlocked.Increment(ref _violations);
                }

                var reservation = outcome.Reservation;
                var fate = random.Next(1000);
                if (fate < 600)
                {
                    var id = $"{exchange}-{worker}-{next++}";
                    Assert.True(reservation.Commit(id));
                    Assert.False(reservation.Commit(id)); // a duplicate fill is a no-op
                    tally.Open.Add(id);
                }
                else if (fate < 999)
                {
                    reservation.Dispose();
                }
                else
                {
                    tally.Abandoned++; // dropped: neither committed nor released
                }
            }
            else
            {
                var mine = tally.Open.Where(id => id.StartsWith(exchange, StringComparison.Ordinal)).Take(1).ToList();
                if (mine.Count == 1)
                {
                    Assert.True(book.Close(exchange, mine[0]));
                    tally.Open.Remove(mine[0]);
                }
            }
        }

        return tally;
    }

    [Fact]
    public void Two_simultaneous_signals_on_a_flat_exchange_get_one_approval_because_the_cooldown_is_stamped_atomically()
    {
        for (var round = 0; round < 500; round++)
        {
            using var rig = new TestRig(new RiskSettings { MaxOpenPositions = 5, MaxOpenPositionsHighConfidence = 5 });
            var decisions = new RiskDecision[2];
            Parallel.For(0, 2, i => decisions[i] = rig.Evaluate(TestRig.Signal()));

            Assert.Equal(1, decisions.Count(d => d.IsApproved));
            Assert.Equal(RejectionReason.CooldownActive, decisions.Single(d => !d.IsApproved).Reason);
            Assert.Equal(1, rig.Book.GetCounts("NSE").Total); // the loser's slot was given back
        }
    }

    [Fact]
    public async Task Halting_while_other_threads_evaluate_takes_effect_on_their_next_decision()
    {
        var settings = new RiskSettings
        {
            MaxOpenPositions = 1000,
            MaxOpenPositionsHighConfidence = 1000,
            SignalCooldown = TimeSpan.Zero,
            CooldownWithPositions = TimeSpan.Zero,
            MaxOrdersPerSecond = RiskSettings.MaxOrdersPerSecondLimit,
        };
        using var rig = new TestRig(settings);
        rig.Open("P-EXIT", "BSE");
        var halted = 0;
        var approvedAfterHalt = 0;
        var exitsRefusedAfterHalt = 0;
        var approvedBeforeHalt = 0;
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Time moves (1 ms a round), so the order-rate limit of 100,000 a second is never what refuses.
                rig.Advance(0.001);
                var haltedBefore = Volatile.Read(ref halted) == 1;
                var entry = rig.Evaluate(TestRig.Signal());
                entry.Reservation.Release();
                var exit = rig.Evaluate(TestRig.Signal(exchange: "BSE", reduces: "P-EXIT"));
                if (haltedBefore && entry.IsApproved)
                {
                    Interlocked.Increment(ref approvedAfterHalt);
                }

                if (haltedBefore && !exit.IsApproved)
                {
                    Interlocked.Increment(ref exitsRefusedAfterHalt);
                }

                if (!haltedBefore && entry.IsApproved)
                {
                    Interlocked.Increment(ref approvedBeforeHalt);
                }
            }
        })).ToArray();

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref approvedBeforeHalt) > 1000, TimeSpan.FromSeconds(20)), "no approvals before the halt");
        rig.Context.Switch.Halt("operator pressed the kill switch");
        Volatile.Write(ref halted, 1);
        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(0, approvedAfterHalt);
        Assert.Equal(0, exitsRefusedAfterHalt);
        Assert.Equal(TradingState.Halted, rig.Context.Switch.State);
    }

    private sealed class Tally
    {
        public HashSet<string> Open { get; } = new(StringComparer.Ordinal);

        public int Abandoned { get; set; }
    }
}
