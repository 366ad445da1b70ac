using System.Runtime.CompilerServices;

namespace RiskSdk.Positions;

/// <summary>The result of <see cref="IPositionBook.TryReserve(string, int, int)"/>: the reservation, or why none was taken, and the counts seen.</summary>
public readonly struct ReserveOutcome
{
    /// <summary>Creates an outcome. Called by <see cref="IPositionBook"/> implementations.</summary>
    /// <param name="status">How the attempt ended.</param>
    /// <param name="reservation">The slot taken, or <c>default</c>.</param>
    /// <param name="open">Open positions in the scope before the attempt.</param>
    /// <param name="pending">Pending reservations in the scope before the attempt.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReserveOutcome(ReserveStatus status, Reservation reservation, int open, int pending)
        : this(status, reservation, open, pending, accountTotal: 0)
    {
    }

    /// <summary>Creates an outcome that also reports the account-wide count. Called by <see cref="IPositionBook"/> implementations.</summary>
    /// <param name="status">How the attempt ended.</param>
    /// <param name="reservation">The slot taken, or <c>default</c>.</param>
    /// <param name="open">Open positions in the scope before the attempt.</param>
    /// <param name="pending">Pending reservations in the scope before the attempt.</param>
    /// <param name="accountTotal">Open plus pending positions across every scope before the attempt (reported when an account-wide cap was asked for).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReserveOutcome(ReserveStatus status, Reservation reservation, int open, int pending, int accountTotal)
    {
        Status = status;
        _issuer = reservation.Issuer;
        _scope = reservation.Scope;
        _id = reservation.Id;
        Open = open;
        Pending = pending;
        AccountTotal = accountTotal;
    }

    private readonly ReservationIssuer? _issuer;
    private readonly string? _scope;
    private readonly long _id;

    /// <summary>How the attempt ended.</summary>
    public ReserveStatus Status { get; }

    /// <summary>The slot taken when <see cref="Status"/> is <see cref="ReserveStatus.Reserved"/>; otherwise empty.</summary>
    /// <remarks>
    /// Kept as the handle's three parts and put back together on each read, so reading it is three 8-byte loads. A
    /// whole <see cref="RiskSdk.Reservation"/> field is copied out with a 16-byte load that straddles the two 8-byte
    /// stores the book wrote its issuer and scope with, and such a load cannot take its value from the store queue: it
    /// waits for both stores to reach the cache (a store-forwarding stall, on every approval that reads the handle back
    /// from a fresh outcome).
    /// </remarks>
    public Reservation Reservation => new(_issuer, _scope, _id);

    /// <summary>Open positions in the scope before the attempt.</summary>
    public int Open { get; }

    /// <summary>Pending reservations in the scope before the attempt.</summary>
    public int Pending { get; }

    /// <summary>Open plus pending positions across every scope before the attempt; 0 when no account-wide cap was asked for.</summary>
    public int AccountTotal { get; }

    /// <summary>True when a slot was taken.</summary>
    public bool IsReserved => Status == ReserveStatus.Reserved;

    /// <summary>
    /// Same as <see cref="IsReserved"/>. The name the RiskSdk analyzer looks for on the result of a
    /// <see cref="PositionLimitCheckAttribute"/> method, so an untested <see cref="IPositionBook.TryReserve(string, int, int)"/> is not a guard.
    /// </summary>
    public bool IsApproved => IsReserved;
}
