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
    /// True when the book's backing store did not answer, so nothing was compared or changed: the empty lists mean
    /// "unknown", not "in agreement". Reconcile again once the store is back.
    /// </summary>
    public bool Unavailable { get; init; }
}
