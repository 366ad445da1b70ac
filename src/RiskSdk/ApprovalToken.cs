using System;
using System.Threading;

namespace RiskSdk;

/// <summary>
/// Proof that a position-limit check approved an order. It has no public constructor and <c>default</c> is null,
/// so it cannot be forged; it is single-use and tied to its reservation. An order API that takes one as a parameter
/// is guarded by construction, and the RiskSdk analyzer does not ask its callers for a check.
/// </summary>
public sealed class ApprovalToken
{
    private int _spent;

    internal ApprovalToken(string exchange, Reservation reservation)
    {
        Exchange = exchange;
        Reservation = reservation;
    }

    /// <summary>The exchange the approval is for.</summary>
    public string Exchange { get; }

    /// <summary>The slot held for the order.</summary>
    public Reservation Reservation { get; }

    /// <summary>True once <see cref="Spend"/> was called.</summary>
    public bool IsSpent => Volatile.Read(ref _spent) != 0;

    /// <summary>Uses the token for one order. Call it where the order is sent.</summary>
    /// <exception cref="InvalidOperationException">The token was already used: one approval is one order.</exception>
    public void Spend()
    {
        if (Interlocked.Exchange(ref _spent, 1) != 0)
        {
            throw new InvalidOperationException($"This approval token for {Exchange} was already used; one approval allows one order.");
        }
    }

    /// <summary>The order filled: the reservation becomes the open position <paramref name="positionId"/>.</summary>
    /// <param name="positionId">The broker's position id.</param>
    /// <returns>True when a position was recorded.</returns>
    public bool Commit(string positionId) => Reservation.Commit(positionId);

    /// <summary>The order did not fill: the slot is given back.</summary>
    /// <returns>True when the slot was given back.</returns>
    public bool Release() => Reservation.Release();
}
