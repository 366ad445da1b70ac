using System;
using RiskSdk.Positions;

namespace RiskSdk;

/// <summary>
/// A position slot taken by an approved decision while its order is in flight. Exactly one of three things
/// ends it: <see cref="Commit"/> (the order filled: the slot becomes an open position), <see cref="Release"/>
/// (rejected, cancelled, failed) or the book's timeout (<see cref="RiskSettings.ReservationTimeout"/>).
/// Disposing releases it unless it was committed, so <c>using</c> never leaks a slot.
/// </summary>
/// <remarks>
/// A value type: copies refer to the same slot, and the book makes every end after the first a no-op.
/// <c>default</c> is the empty reservation (an approved order that only reduces exposure takes no slot). Handles
/// cannot be made up: only the book's <see cref="ReservationIssuer"/> mints them, and a book ignores any other.
/// </remarks>
public readonly struct Reservation : IDisposable, IEquatable<Reservation>
{
    private readonly ReservationIssuer? _issuer;

    /// <summary>Only a book's <see cref="ReservationIssuer"/> mints handles, so none can be forged; a null issuer (with no scope and id 0) is the empty reservation, as a holder of a handle's parts keeps it.</summary>
    internal Reservation(ReservationIssuer? issuer, string? scope, long id)
    {
        _issuer = issuer;
        Scope = scope;
        Id = id;
    }

    /// <summary>The scope (exchange) the slot belongs to; null for the empty reservation.</summary>
    public string? Scope { get; }

    /// <summary>The book's id for the slot; 0 for the empty reservation.</summary>
    public long Id { get; }

    /// <summary>The book holding the slot; null for the empty reservation.</summary>
    public IPositionBook? Book => _issuer?.Book;

    /// <summary>False for the empty reservation (no slot was taken).</summary>
    public bool HoldsSlot => _issuer is not null;

    /// <summary>The issuer that minted the handle; books compare it with their own.</summary>
    internal ReservationIssuer? Issuer => _issuer;

    /// <summary>The order filled: the slot becomes the open position <paramref name="positionId"/>.</summary>
    /// <param name="positionId">The broker's id of the new position; closing it later frees the slot.</param>
    /// <returns>True when this call turned the reservation into a position; false when it had already ended (a duplicate fill).</returns>
    public bool Commit(string positionId) => _issuer is not null && _issuer.Commit(in this, positionId);

    /// <summary>The order did not fill (rejected, cancelled, failed): the slot is given back.</summary>
    /// <returns>True when this call gave the slot back; false when the reservation had already ended.</returns>
    public bool Release() => _issuer is not null && _issuer.Release(in this);

    /// <summary>Releases the slot unless the reservation was committed or already released.</summary>
    public void Dispose() => Release();

    /// <inheritdoc/>
    public bool Equals(Reservation other) => ReferenceEquals(_issuer, other._issuer) && Id == other.Id;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Reservation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Id.GetHashCode();

    /// <summary>Compares two reservations by book and id.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when both name the same slot.</returns>
    public static bool operator ==(Reservation left, Reservation right) => left.Equals(right);

    /// <summary>Compares two reservations by book and id.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they name different slots.</returns>
    public static bool operator !=(Reservation left, Reservation right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => HoldsSlot ? $"Reservation {Id} on {Scope}" : "No reservation";
}
