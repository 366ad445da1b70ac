namespace RiskSdk.Positions;

/// <summary>
/// A position book that can tell the reservations this process took from those other processes took on a shared
/// ledger, give them back, and say whether anything still waits for the ledger. A host uses it when it stops: it waits for the
/// orders in flight, releases what this process still holds and waits for the ledger to take what waits, so a restart never finds slots taken by a
/// process that is gone.
/// </summary>
/// <remarks>Every member is thread-safe and never throws for an unreachable ledger: it answers null.</remarks>
public interface IHeldReservations
{
    /// <summary>Pending reservations this process took that are neither committed, released nor expired.</summary>
    /// <returns>The count, or null when the ledger did not answer.</returns>
    int? CountHeld();

    /// <summary>Gives back every pending reservation this process took; a fill that still arrives for one is ignored.</summary>
    /// <returns>How many were given back, or null when the ledger did not answer.</returns>
    int? ReleaseHeld();

    /// <summary>True when no fill, release or close waits for the ledger to answer (a book sends those by itself as soon as it does).</summary>
    bool IsFlushed { get; }
}
