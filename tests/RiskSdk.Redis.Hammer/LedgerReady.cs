using System;
using System.Diagnostics;
using System.Threading;
using RiskSdk;
using RiskSdk.Redis;

namespace RiskSdk.Redis.Hammer;

/// <summary>
/// Starts a child's work once its ledger answers. <see cref="RedisPositionBook.Connect"/> can return before the
/// connection is up on a loaded machine, and the book then refuses (fail closed): a child that began at once would count
/// start-up refusals as the ledger failing under the hammer, or answer its first decision before adopting the shared
/// trading state. Each waits, bounded, and says so on stderr when the ledger never answered.
/// </summary>
internal static class LedgerReady
{
    /// <summary>How long a child waits for its ledger before it gives up (exit code 69, EX_UNAVAILABLE).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The exit code of a child whose ledger never answered.</summary>
    public const int Unavailable = 69;

    /// <summary>Waits until the book answers a read.</summary>
    /// <param name="book">The book just connected.</param>
    /// <returns>True once it answered; false (reported on stderr) when it did not within the patience.</returns>
    public static bool Answering(RedisPositionBook book) =>
        Wait(() => !book.GetTotalCounts().Unavailable, "the ledger did not answer a read");

    /// <summary>Waits until the context's shared trading state is confirmed (which takes an answering ledger).</summary>
    /// <param name="context">The context just created on the book.</param>
    /// <returns>True once it is known; false (reported on stderr) when it was not within the patience.</returns>
    public static bool TradingStateKnown(RiskContext context) =>
        Wait(() => context.TradingStateKnown, "the shared trading state was not confirmed");

    private static bool Wait(Func<bool> ready, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!ready())
        {
            if (waited.Elapsed > Patience)
            {
                Console.Error.WriteLine(failure + " within " + Patience.TotalSeconds + " s of connecting");
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}
