using System;
using System.Linq;
using System.Threading.Tasks;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>The per-scope table behind the book, the cooldown clock and the rate limiter: found by value, created once.</summary>
public sealed class ScopeTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(ScopeTable<object>.ScanLimit)]
    [InlineData(ScopeTable<object>.ScanLimit + 1)]
    [InlineData(200)]
    public void Every_scope_is_found_by_an_equal_string_that_is_not_the_same_instance(int scopes)
    {
        var table = new ScopeTable<object>();
        var values = Enumerable.Range(0, scopes).Select(i => table.GetOrAdd("EX" + i, static (_, _) => new object(), 0)).ToArray();

        for (var i = 0; i < scopes; i++)
        {
            var key = new string(("EX" + i).AsSpan());
            Assert.True(table.TryGetValue(key, out var found));
            Assert.Same(values[i], found);
            Assert.Same(values[i], table.GetOrAdd(key, static (_, _) => new object(), 0));
        }

        Assert.False(table.TryGetValue("EX" + scopes, out _));
        Assert.Equal(Enumerable.Range(0, scopes).Select(i => "EX" + i).Order(), table.Keys.Order());
        Assert.Equal(scopes, table.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(ScopeTable<object>.ScanLimit + 5)]
    public void A_scope_is_removed_only_while_it_maps_to_the_state_the_caller_retired(int scopes)
    {
        var table = new ScopeTable<object>();
        var values = Enumerable.Range(0, scopes).Select(i => table.GetOrAdd("EX" + i, static (_, _) => new object(), 0)).ToArray();

        Assert.False(table.TryRemove("EX1", new object()));
        Assert.True(table.TryRemove(new string("EX1".AsSpan()), values[1]));
        Assert.False(table.TryRemove("EX1", values[1]));
        Assert.False(table.TryGetValue("EX1", out _));
        Assert.Equal(scopes - 1, table.Count);

        // The scope comes back with a new state; the old one can no longer remove it.
        var renewed = table.GetOrAdd("EX1", static (_, _) => new object(), 0);
        Assert.NotSame(values[1], renewed);
        Assert.False(table.TryRemove("EX1", values[1]));
        Assert.True(table.TryGetValue("EX1", out var found) && ReferenceEquals(found, renewed));
        for (var i = 0; i < scopes; i++)
        {
            Assert.True(table.TryGetValue("EX" + i, out var value));
            Assert.Same(i == 1 ? renewed : values[i], value);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ScopeTable<object>.ScanLimit + 1)]
    public void A_spelling_finds_the_canonical_scope_and_a_refused_or_missing_name_finds_nothing(int scopes)
    {
        var table = new ScopeTable<object>();
        var nse = table.GetOrAdd("NSE", static (_, _) => new object(), 0);
        for (var i = 1; i < scopes; i++)
        {
            table.GetOrAdd("EX" + i, static (_, _) => new object(), 0);
        }

        foreach (var spelling in new[] { "NSE", new string("NSE".AsSpan()), "nse", " NSE", " Nse\t", "\uFF2E\uFF33\uFF25" })
        {
            Assert.Same(nse, table.FindSpelled(spelling));
        }

        foreach (var name in new[] { null, "", "  ", "N\u200BSE", "BSE", "bse" })
        {
            Assert.Null(table.FindSpelled(name));
        }

        Assert.Null(table.Find(null));
        Assert.Null(table.Find("nse"));
        Assert.Equal(scopes, table.Count);
    }

    [Fact]
    public void A_hundred_thousand_scopes_are_each_created_once_and_found()
    {
        const int Scopes = 100_000;
        var table = new ScopeTable<object>();
        var created = 0;
        var values = new object[Scopes];
        Parallel.For(0, Scopes, i => values[i] = table.GetOrAdd("S" + i, (_, _) =>
        {
            System.Threading.Interlocked.Increment(ref created);
            return new object();
        }, 0));

        Assert.Equal(Scopes, created);
        Assert.Equal(Scopes, table.Count);
        for (var i = 0; i < Scopes; i++)
        {
            Assert.True(table.TryGetValue("S" + i, out var found));
            Assert.Same(values[i], found);
        }
    }

    [Fact]
    public void Threads_racing_on_a_new_scope_get_one_state()
    {
        var table = new ScopeTable<object>();
        var created = 0;
        var results = new object[64];

        Parallel.For(0, results.Length, i => results[i] = table.GetOrAdd("NSE", (_, _) =>
        {
            System.Threading.Interlocked.Increment(ref created);
            return new object();
        }, 0));

        Assert.Equal(1, created);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void A_book_keeps_separate_counts_for_many_scopes()
    {
        var book = new InMemoryPositionBook();
        for (var i = 0; i < 40; i++)
        {
            for (var j = 0; j <= i % 3; j++)
            {
                var outcome = book.TryReserve("EX" + i, cap: 3);
                Assert.True(outcome.Reservation.Commit($"P{i}-{j}"));
            }
        }

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(new ScopeCounts(i % 3 + 1, 0), book.GetCounts(new string(("EX" + i).AsSpan())));
        }

        Assert.Equal(40, book.Scopes.Count);
        Assert.IsNotType<string[]>(book.Scopes); // a caller cannot write into the keys the lookups scan
    }

    [Fact]
    public void A_book_of_a_hundred_thousand_scopes_keeps_every_scope_usable_and_counted_apart()
    {
        const int Scopes = 100_000;
        var book = new InMemoryPositionBook();
        var reservations = new Reservation[Scopes];
        for (var i = 0; i < Scopes; i++)
        {
            var outcome = book.TryReserve("S" + i, cap: 2);
            Assert.True(outcome.IsReserved);
            Assert.Equal(0, outcome.Open + outcome.Pending);
            reservations[i] = outcome.Reservation;
        }

        // Every other scope fills its reservation; the rest stay pending. Each scope still has one slot left.
        for (var i = 0; i < Scopes; i += 2)
        {
            Assert.True(reservations[i].Commit("P" + i));
        }

        Assert.Equal(Scopes, book.Scopes.Count);
        Assert.Equal(new ScopeCounts(Scopes / 2, Scopes / 2), book.GetTotalCounts());
        for (var i = 0; i < Scopes; i++)
        {
            var key = new string(("S" + i).AsSpan());
            Assert.Equal(i % 2 == 0 ? new ScopeCounts(1, 0) : new ScopeCounts(0, 1), book.GetCounts(key));
            Assert.True(book.TryReserve(key, cap: 2).IsReserved);
            Assert.Equal(ReserveStatus.AtCapacity, book.TryReserve(key, cap: 2).Status);
        }

        Assert.True(book.Close("S0", "P0"));
        Assert.Equal(new ScopeCounts(0, 1), book.GetCounts("S0"));
    }

    [Fact]
    public void Reservation_ids_are_unique_across_scopes_though_each_scope_counts_its_own()
    {
        var book = new InMemoryPositionBook();
        var ids = new System.Collections.Generic.HashSet<long>();
        for (var round = 0; round < 500; round++)
        {
            foreach (var scope in new[] { "NSE", "BSE", "MCX" })
            {
                var outcome = book.TryReserve(scope, cap: 1);
                Assert.True(outcome.IsReserved);
                Assert.True(ids.Add(outcome.Reservation.Id), $"id {outcome.Reservation.Id} given twice");
                Assert.True(outcome.Reservation.Release());
            }
        }

        Assert.Equal(1500, ids.Count);
    }
}
