using System;
using System.Threading;
using Xunit;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>
/// Waits until a book just connected answers. <see cref="RedisPositionBook.Connect"/> does not abort on a slow connect:
/// on a loaded machine (a starved thread pool) the client's connect can give up waiting after its connect timeout and
/// return before the connection is up; the book then refuses (fail closed) until it is. Tests whose subject is not the
/// start-up start once a read answers, and once a <see cref="RiskContext"/> holds the ledger's trading state.
/// </summary>
public static class ConnectedBook
{
    /// <summary>Returns <paramref name="book"/> once it answers a read, within 20 s, or fails the test.</summary>
    /// <param name="book">A book just connected to a running server.</param>
    /// <returns>The book.</returns>
    public static RedisPositionBook Answering(RedisPositionBook book)
    {
        Assert.True(SpinWait.SpinUntil(() => !book.GetTotalCounts().Unavailable, TimeSpan.FromSeconds(20)), "the ledger did not answer within 20 s of connecting");
        return book;
    }

    /// <summary>
    /// Returns <paramref name="context"/> once it holds the ledger's trading state, within 20 s, or fails the test. A
    /// context reads that state once in its constructor; on a loaded machine the read can miss its budget, and until
    /// the next refresh confirms it every entry is (rightly) refused.
    /// </summary>
    /// <param name="context">A context just created on a book that answers.</param>
    /// <returns>The context.</returns>
    public static RiskContext Known(RiskContext context)
    {
        Assert.True(SpinWait.SpinUntil(() => context.TradingStateKnown, TimeSpan.FromSeconds(20)), "the shared trading state was not confirmed within 20 s of starting");
        return context;
    }
}
