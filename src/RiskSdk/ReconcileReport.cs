using System.Collections.Generic;

namespace RiskSdk;

/// <summary>What <see cref="IPositionBook.Reconcile"/> changed to make the book agree with the broker.</summary>
/// <param name="Scope">The scope reconciled.</param>
/// <param name="Added">Positions the broker reports open that the book did not know (now open in the book).</param>
/// <param name="Removed">Positions the book held open that the broker does not report (now closed in the book).</param>
public sealed record ReconcileReport(string Scope, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>True when the book already agreed with the broker.</summary>
    public bool InAgreement => Added.Count == 0 && Removed.Count == 0;
}
