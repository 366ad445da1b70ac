using System.Collections.Generic;

namespace RiskSdk.Positions;

/// <summary>What <see cref="IPositionBook.Reconcile"/> changed to make the book agree with the broker.</summary>
/// <param name="Scope">The scope reconciled.</param>
/// <param name="Added">Positions the broker reports open that the book did not know (now open in the book).</param>
/// <param name="Removed">Positions the book held open that the broker does not report (now closed in the book).</param>
public sealed record ReconcileReport(string Scope, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>True when the book already agreed with the broker; false when the book could not be reconciled (<see cref="Unavailable"/>).</summary>
    public bool InAgreement => !Unavailable && Added.Count == 0 && Removed.Count == 0;

    /// <summary>
    /// True when nothing was compared or changed, so the empty lists mean "unknown", not "in agreement": the book's
    /// backing store did not answer (reconcile again once it is back), or the mark is <see cref="Stale"/>.
    /// </summary>
    public bool Unavailable { get; init; }

    /// <summary>
    /// True when the mark was taken before the book freed an idle scope that had closed positions
    /// (<see cref="InMemoryPositionBook.ReclaimIdle()"/>): the closes this reconcile would have had to keep went with
    /// it, so nothing was compared or changed (<see cref="Unavailable"/> is true too). The store did answer: reconcile
    /// again with a fresh mark.
    /// </summary>
    public bool Stale { get; init; }
}
