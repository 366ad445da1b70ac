using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// Model-based: random sequences of reserve, commit, release, close, reconcile and clock advances run against the
/// book and against a plain model of the contract; after every step both agree.
/// </summary>
public sealed class PositionBookModelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_book_agrees_with_a_simple_model_after_every_operation(int seed) => AgreeWithTheModel(seed, caps: 4);

    /// <summary>Caps up to 13: more reservations than the book's lock-free slots, so the ones beyond them are kept too.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_book_agrees_with_the_model_when_more_reservations_wait_than_it_has_slots(int seed) => AgreeWithTheModel(seed, caps: 14);

    private static void AgreeWithTheModel(int seed, int caps)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider();
        var book = new InMemoryPositionBook(Timeout, clock);
        var model = new Model();
        var handles = new List<Reservation>();
        string[] scopes = { "NSE", "BSE" };

        for (var step = 0; step < 400; step++)
        {
            var scope = scopes[random.Next(scopes.Length)];
            switch (random.Next(7))
            {
                case 0 or 1:
                    var cap = random.Next(0, caps);
                    var outcome = book.TryReserve(scope, cap);
                    Assert.Equal(model.TryReserve(scope, cap, clock.GetUtcNow(), outcome.Reservation.Id), outcome.IsReserved);
                    if (outcome.IsReserved)
                    {
                        handles.Add(outcome.Reservation);
                    }

                    break;
                case 2 when handles.Count > 0:
                    var toCommit = handles[random.Next(handles.Count)];
                    var positionId = "P" + random.Next(12);
                    Assert.Equal(model.Commit(toCommit.Scope!, toCommit.Id, positionId, clock.GetUtcNow()), toCommit.Commit(positionId));
                    break;
                case 3 when handles.Count > 0:
                    var toRelease = handles[random.Next(handles.Count)];
                    Assert.Equal(model.Release(toRelease.Scope!, toRelease.Id, clock.GetUtcNow()), toRelease.Release());
                    break;
                case 4:
                    var closeId = "P" + random.Next(12);
                    Assert.Equal(model.Close(scope, closeId), book.Close(scope, closeId));
                    break;
                case 5:
                    clock.Advance(TimeSpan.FromSeconds(random.Next(0, 20)));
                    break;
                default:
                    if (random.Next(10) == 0)
                    {
                        var truth = Enumerable.Range(0, random.Next(4)).Select(_ => "P" + random.Next(12)).ToList();
                        book.Reconcile(book.MarkForReconcile(scope), truth);
                        model.Reconcile(scope, truth);
                    }

                    break;
            }

            foreach (var s in scopes)
            {
                Assert.Equal(model.Counts(s, clock.GetUtcNow()), book.GetCounts(s));
            }
        }

        Assert.Equal(model.Expired, book.ExpiredReservations);
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 50; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    /// <summary>The contract, written as plainly as possible.</summary>
    private sealed class Model
    {
        private readonly Dictionary<string, Dictionary<long, DateTimeOffset>> _pending = new();
        private readonly Dictionary<string, HashSet<long>> _expired = new();
        private readonly Dictionary<string, HashSet<string>> _open = new();

        public long Expired { get; private set; }

        public bool TryReserve(string scope, int cap, DateTimeOffset now, long id)
        {
            Sweep(scope, now);
            if (Open(scope).Count + Pending(scope).Count >= cap)
            {
                return false;
            }

            Pending(scope).Add(id, now);
            return true;
        }

        public bool Commit(string scope, long id, string positionId, DateTimeOffset now)
        {
            Sweep(scope, now);
            if (Pending(scope).Remove(id))
            {
                return Open(scope).Add(positionId);
            }

            return ExpiredIds(scope).Remove(id) && Open(scope).Add(positionId);
        }

        public bool Release(string scope, long id, DateTimeOffset now)
        {
            ExpiredIds(scope).Remove(id);
            return Pending(scope).Remove(id);
        }

        public bool Close(string scope, string positionId) => Open(scope).Remove(positionId);

        public void Reconcile(string scope, IEnumerable<string> truth)
        {
            Open(scope).Clear();
            Open(scope).UnionWith(truth);
        }

        public ScopeCounts Counts(string scope, DateTimeOffset now)
        {
            Sweep(scope, now);
            return new ScopeCounts(Open(scope).Count, Pending(scope).Count);
        }

        private void Sweep(string scope, DateTimeOffset now)
        {
            foreach (var (id, taken) in Pending(scope).Where(p => now - p.Value >= Timeout).ToList())
            {
                Pending(scope).Remove(id);
                ExpiredIds(scope).Add(id);
                Expired++;
            }
        }

        private Dictionary<long, DateTimeOffset> Pending(string scope) => Get(_pending, scope);

        private HashSet<long> ExpiredIds(string scope) => Get(_expired, scope);

        private HashSet<string> Open(string scope) => Get(_open, scope);

        private static T Get<T>(Dictionary<string, T> map, string scope)
            where T : new()
        {
            if (!map.TryGetValue(scope, out var value))
            {
                map[scope] = value = new T();
            }

            return value;
        }
    }
}
