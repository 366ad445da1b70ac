using System.Threading;

namespace RiskSdk.Positions;

/// <summary>
/// The account-wide total: open plus pending positions over every scope, kept only once an account-wide cap is asked
/// for. Until then a reservation and its release touch their scope's word alone.
/// </summary>
/// <remarks>
/// <para>
/// Turning it on while other threads reserve and release without a lock needs a count that no change slips past.
/// Each scope's word carries a tracked bit, and a change of the word moves the total exactly when the word it changed
/// had the bit. <see cref="TrackAccountTotal"/> holds the scope table closed to new scopes, sets the bit in every scope
/// with one compare-and-swap that also reads the count it adds to the total (<see cref="ScopeBook.MarkTracked"/>), and
/// only then says the total is kept; a scope created after that is created tracked. A change that lands before a
/// scope's mark is in the count the mark adds; one after it finds the bit and moves the total itself; a change and the
/// mark cannot both miss it, because each is an atomic step on the same word.
/// </para>
/// <para>
/// A reservation in a tracked scope takes its place in the total before it swaps the scope's word, and gives it back if
/// the swap fails; a reservation or position that ends gives its place back after the word moved. So, once kept, the
/// total never reads less than what is held, and a reservation under the account-wide cap can never be admitted over it.
/// A reservation under the cap waits for the count if it is still being made. Once kept, the total is kept for the
/// book's life (a cap removed by new settings leaves it kept: a reservation then moves it by one atomic add each way).
/// </para>
/// </remarks>
public sealed partial class InMemoryPositionBook
{
    /// <summary>Open plus pending over every scope, while <see cref="TotalTracked"/>; otherwise 0 and unused.</summary>
    private int _total;

    /// <summary>Set (under the scope table's lock) once every scope is tracked; never cleared.</summary>
    private bool _totalTracked;

    /// <summary>True once the book keeps the account-wide total.</summary>
    internal bool TotalTracked => Volatile.Read(ref _totalTracked);

    /// <summary>
    /// Starts keeping the account-wide total, counting what every scope holds now, while other threads go on reserving
    /// and releasing; returns once the total is exact. Done by the first reservation under an account-wide cap, and by
    /// <see cref="RiskContext"/> when its settings set one, so no decision waits for the count. Idempotent.
    /// </summary>
    internal void TrackAccountTotal()
    {
        if (TotalTracked)
        {
            return;
        }

        _scopes.WhileClosed(
            static (books, owner) =>
            {
                if (owner.TotalTracked)
                {
                    return;
                }

                foreach (var book in books)
                {
                    book.MarkTracked(owner);
                }

                Volatile.Write(ref owner._totalTracked, true);
            },
            this);
    }

    /// <summary>
    /// Takes one place in the account-wide total for a reservation about to swap <paramref name="state"/> into the
    /// scope's word, when the word is tracked. Returns the count seen under a cap (0 without one): a place was taken
    /// exactly when it is below <paramref name="totalCap"/>. Nothing to take while the word is not tracked (no cap has
    /// been asked for): the swap then fails if the scope is marked meanwhile.
    /// </summary>
    private int TakeFromTotal(ScopeBook book, long state, int totalCap)
    {
        if (!ScopeBook.IsTracked(state))
        {
            if (totalCap == int.MaxValue || ScopeBook.IsRetired(state))
            {
                return 0;
            }

            // Asked for a cap while this scope is not counted: every scope is marked before a capped reservation
            // comes here, so this does not happen; marking it now keeps the total exact if it ever did. The word moved,
            // so the caller's swap fails and it reads the word again.
            book.MarkTracked(this);
            return 0;
        }

        if (totalCap == int.MaxValue)
        {
            Interlocked.Increment(ref _total);
            return 0;
        }

        while (true)
        {
            var total = Volatile.Read(ref _total);
            if (total >= totalCap)
            {
                return total;
            }

            if (Interlocked.CompareExchange(ref _total, total + 1, total) == total)
            {
                return total;
            }
        }
    }

    /// <summary>Gives back the place <see cref="TakeFromTotal"/> took for a swap of <paramref name="state"/> that failed.</summary>
    private void GiveBackToTotal(long state)
    {
        if (ScopeBook.IsTracked(state))
        {
            Interlocked.Decrement(ref _total);
        }
    }
}
