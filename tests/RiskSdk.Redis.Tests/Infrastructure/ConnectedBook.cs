using System;
using System.Threading;
using Xunit;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>
/// Waits until a book just connected answers. <see cref="RedisPositionBook.Connect"/> does not abort on a slow connect:
/// on a loaded machine (a starved thread pool) the client's connect can give up waiting after its connect timeout and
/// return before the connection is up; the book then refuses (fail closed) until it is. Tests whose subject is not the
/// start-up start once a read answers; a <see cref="RiskContext"/> created after that confirms its shared trading
/// state in its constructor.
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
}
