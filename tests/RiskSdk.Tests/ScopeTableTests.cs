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
        Assert.Equal(Enumerable.Range(0, scopes).Select(i => "EX" + i), table.Keys);
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
