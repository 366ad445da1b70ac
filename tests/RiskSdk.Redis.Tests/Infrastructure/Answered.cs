using System;
using System.Diagnostics;
using System.Threading;
using Xunit;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>
/// The first answer a ledger gives. Right after a connect, a thaw or a restart, or on a loaded machine, one call can
/// rightly answer "unavailable" (its answer came after the budget, or the client is still reconnecting): tests whose
/// subject is what the ledger holds once it answers ask again, bounded, instead of asserting the first reply.
/// </summary>
public static class Answered
{
    /// <summary>Calls <paramref name="call"/> until its result is not unavailable, for at most 20 s, or fails the test.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="call">The read or reserve.</param>
    /// <param name="unavailable">Whether a result says the ledger did not answer.</param>
    /// <returns>The first answered result.</returns>
    public static T First<T>(Func<T> call, Func<T, bool> unavailable)
    {
        var waited = Stopwatch.StartNew();
        var result = call();
        while (unavailable(result) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(20);
            result = call();
        }

        Assert.False(unavailable(result), "the ledger never answered within 20 s");
        return result;
    }

    /// <summary>
    /// Releases <paramref name="reservation"/> and asserts that the ledger gave its slot back exactly once, within 20 s.
    /// On a loaded machine the release itself can rightly miss its budget: the book then keeps it for the replay and the
    /// call answers false, so the call's answer is not the assertion; the book's count of releases is.
    /// </summary>
    /// <param name="book">The book that issued the reservation.</param>
    /// <param name="reservation">A pending reservation of <paramref name="book"/>.</param>
    public static void Released(RedisPositionBook book, Reservation reservation) =>
        Landed(book, () => book.ReleasedReservations, () => reservation.Release(), "release");

    /// <summary>
    /// Commits <paramref name="reservation"/> as <paramref name="positionId"/> and asserts that the ledger recorded the
    /// fill exactly once, within 20 s, whether the call answered in time or the fill was kept and replayed.
    /// </summary>
    /// <param name="book">The book that issued the reservation.</param>
    /// <param name="reservation">A pending reservation of <paramref name="book"/>.</param>
    /// <param name="positionId">The position it becomes.</param>
    public static void Committed(RedisPositionBook book, Reservation reservation, string positionId) =>
        Landed(book, () => book.CommittedReservations, () => reservation.Commit(positionId), "fill of " + positionId);

    private static void Landed(RedisPositionBook book, Func<long> endings, Func<bool> end, string what)
    {
        var before = endings();
        var answeredInTime = end();
        var waited = Stopwatch.StartNew();
        while ((endings() == before || book.DeferredOperationCount > 0) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(20);
        }

        var kept = answeredInTime ? "it answered in time" : "it was kept for the replay";
        Assert.True(book.DeferredOperationCount == 0, $"the {what} still waited to be replayed after 20 s ({kept})");
        Assert.True(endings() == before + 1, $"the {what} changed the ledger {endings() - before} times, not once ({kept})");
    }
}
