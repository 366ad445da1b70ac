using System;

namespace RiskSdk.Positions;

/// <summary>
/// Mints the <see cref="Reservation"/> handles of one position book and recognises them again. A book keeps its
/// issuer private: a handle minted by any other issuer (for example one built by code that wants to release
/// another order's slot) is not the book's, and the book ignores it.
/// </summary>
/// <remarks>
/// <see cref="Reservation"/> has no public constructor, so an issuer is the only way to make a handle that holds a
/// slot. Implementations of <see cref="IPositionBook"/> create one issuer for themselves, mint every reservation
/// with <see cref="Issue"/> and check every handle they are given with <see cref="Issued"/>. The
/// <see cref="InMemoryPositionBook"/> keeps one issuer per scope instead, made by a constructor no other code can
/// call: a handle it minted leads straight to its scope's state, so releasing it needs no lookup.
/// </remarks>
public sealed class ReservationIssuer
{
    /// <summary>The in-memory book, for the issuers of its scopes; null for a book's own issuer.</summary>
    private readonly InMemoryPositionBook? _memory;

    /// <summary>The in-memory scope state whose reservations this issuer mints; null for a book's own issuer.</summary>
    private readonly InMemoryPositionBook.ScopeBook? _scope;

    /// <summary>Creates the issuer of one book.</summary>
    /// <param name="book">The book whose reservations this issuer mints; commits and releases go to it.</param>
    public ReservationIssuer(IPositionBook book) => Book = book ?? throw new ArgumentNullException(nameof(book));

    /// <summary>The issuer of one state of an in-memory book's scope.</summary>
    internal ReservationIssuer(InMemoryPositionBook book, InMemoryPositionBook.ScopeBook scope)
    {
        Book = _memory = book;
        _scope = scope;
    }

    /// <summary>The book whose reservations this issuer mints.</summary>
    public IPositionBook Book { get; }

    /// <summary>The in-memory scope state this issuer mints for, when <paramref name="book"/> is the in-memory book that made it; otherwise null.</summary>
    internal InMemoryPositionBook.ScopeBook? ScopeIn(InMemoryPositionBook book) => ReferenceEquals(_memory, book) ? _scope : null;

    /// <summary>Gives the handle's slot back: straight to its in-memory scope, or through <see cref="IPositionBook.Release"/>.</summary>
    internal bool Release(in Reservation reservation) =>
        _memory is { } memory ? memory.Release(in reservation, _scope!) : Book.Release(in reservation);

    /// <summary>Records the handle's fill: straight to its in-memory scope, or through <see cref="IPositionBook.Commit"/>.</summary>
    internal bool Commit(in Reservation reservation, string positionId) =>
        _memory is { } memory ? memory.Commit(in reservation, positionId, _scope!) : Book.Commit(in reservation, positionId);

    /// <summary>Mints the handle of a slot the book has just taken.</summary>
    /// <param name="scope">The scope (canonical exchange name) of the slot.</param>
    /// <param name="id">The book's id for the slot, unique within the book.</param>
    /// <returns>The handle.</returns>
    public Reservation Issue(string scope, long id) => new(this, scope ?? throw new ArgumentNullException(nameof(scope)), id);

    /// <summary>True when <paramref name="reservation"/> was minted by this issuer, so its scope and id can be trusted.</summary>
    /// <param name="reservation">A handle given back to the book.</param>
    /// <returns>True for this book's own handles; false for the empty reservation and for handles of any other issuer.</returns>
    public bool Issued(in Reservation reservation) => ReferenceEquals(reservation.Issuer, this);
}
