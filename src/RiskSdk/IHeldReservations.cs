namespace RiskSdk;

/// <summary>
/// A position book that can tell the reservations this process took from those other processes took on a shared
/// ledger, give them back, and send what waits for the ledger. A host uses it when it stops: it waits for the
/// orders in flight, releases what this process still holds and flushes, so a restart never finds slots taken by a
/// process that is gone.
/// </summary>
/// <remarks>Every member is thread-safe and never throws for an unreachable ledger: it answers null or false.</remarks>
public interface IHeldReservations
{
    /// <summary>Pending reservations this process took that are neither committed, released nor expired.</summary>
    /// <returns>The count, or null when the ledger did not answer.</returns>
    int? CountHeld();

    /// <summary>Gives back every pending reservation this process took; a fill that still arrives for one is ignored.</summary>
    /// <returns>How many were given back, or null when the ledger did not answer.</returns>
    int? ReleaseHeld();

    /// <summary>Sends the fills, releases and closes that wait for the ledger to answer again.</summary>
    /// <returns>True when nothing waits any more.</returns>
    bool Flush();
}
