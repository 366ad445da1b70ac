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
}
