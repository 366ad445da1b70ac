using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RiskSdk.Redis.Tests;

/// <summary>Several real processes share one cap through one Redis ledger.</summary>
[RequiresRedisServer]
public sealed class MultiProcessLedgerTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    /// <summary>Creates the tests over the class's server.</summary>
    /// <param name="fixture">The server.</param>
    /// <param name="output">Where figures are written.</param>
    public MultiProcessLedgerTests(RedisServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [LedgerFact]
    public void Processes_hammering_one_cap_never_exceed_it_and_the_ledger_matches_their_tallies()
    {
        const int Cap = 4;
        const string Scope = "deribit";
        var prefix = RedisServerFixture.UniquePrefix();
        using var observer = Observer(prefix, TimeSpan.FromSeconds(30));
        var children = Enumerable.Range(1, 4)
            .Select(seed => HammerProcess.Hammer(_fixture.Server.ConnectionString, prefix, Scope, Cap, operations: 600, seed))
            .ToList();
        try
        {
            var samples = 0;
            var unanswered = 0;
            var highest = 0;
            while (children.Any(child => !child.HasExited))
            {
                // A read the ledger did not answer in time (a loaded machine) says nothing about the cap: skip it.
                var counts = observer.GetCounts(Scope);
                if (counts.Unavailable)
                {
                    unanswered++;
                    continue;
                }

                Assert.InRange(counts.Total, 0, Cap);
                highest = Math.Max(highest, counts.Total);
                samples++;
                Thread.Sleep(2);
            }

            var tallies = children.Select(child => HammerTally.Parse(child.ReadToEnd())).ToList();
            _output.WriteLine($"{samples} samples ({unanswered} unanswered), highest total {highest}; tallies: {string.Join(" | ", tallies.Select(t => $"reserved {t.Reserved} committed {t.Committed} released {t.Released} closed {t.Closed} at cap {t.AtCapacity}"))}");

            Assert.True(samples > 0, "the observer never read the ledger while the children ran");
            Assert.All(tallies, tally => Assert.Equal(0, tally.Unavailable));
            Assert.All(tallies, tally => Assert.Equal(tally.Reserved, tally.Committed + tally.Released));
            Assert.True(tallies.Sum(tally => tally.AtCapacity) > 0, "the cap was never reached, so the test proved nothing");
            var leftOpen = tallies.SelectMany(tally => tally.Open).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(tallies.Sum(tally => tally.Committed - tally.Closed), leftOpen.Count);
            Assert.Equal(leftOpen, observer.GetOpenPositions(Scope).Order(StringComparer.Ordinal));
            Assert.Equal(new ScopeCounts(leftOpen.Count, 0), observer.GetCounts(Scope));
            Assert.Equal(0, observer.ExpiredReservations);
        }
        finally
        {
            children.ForEach(child => child.Dispose());
        }
    }

    [LedgerFact]
    public void A_process_killed_while_holding_reservations_gives_its_slots_back_after_the_expiry()
    {
        const int Cap = 3;
        const string Scope = "bybit";
        var prefix = RedisServerFixture.UniquePrefix();
        using var observer = Observer(prefix, TimeSpan.FromSeconds(30));
        using (var holder = HammerProcess.Hold(_fixture.Server.ConnectionString, prefix, Scope, Cap, Cap, TimeSpan.FromSeconds(2)))
        {
            Assert.Equal("HELD 3", holder.ReadLine());
            holder.Kill();
        }

        // The observer is the only process left: it gives the slots back, so it counts every expiry (none was released).
        // An unanswered read (Unavailable, which reads as 0 pending) is not the slots coming back: wait for an answer.
        var waited = Stopwatch.StartNew();
        var counts = observer.GetCounts(Scope);
        while ((counts.Unavailable || counts.Pending > 0) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(50);
            counts = observer.GetCounts(Scope);
        }

        _output.WriteLine($"slots came back {waited.ElapsedMilliseconds} ms after the kill (timeout 2000 ms)");
        Assert.Equal(new ScopeCounts(0, 0), counts);
        Assert.Equal(Cap, observer.ExpiredReservations);
        var retaken = Enumerable.Range(0, Cap + 1).Select(_ => observer.TryReserve(Scope, Cap).Status).ToList();
        Assert.Equal([ReserveStatus.Reserved, ReserveStatus.Reserved, ReserveStatus.Reserved, ReserveStatus.AtCapacity], retaken);
    }

    private RedisPositionBook Observer(string prefix, TimeSpan reservationTimeout) =>
        ConnectedBook.Answering(RedisPositionBook.Connect(
            _fixture.Server.ConnectionString,
            new RedisPositionBookOptions { KeyPrefix = prefix, OwnerId = "observer", ReservationTimeout = reservationTimeout, OperationTimeout = TimeSpan.FromSeconds(5) }));
}
