namespace RiskSdk.Positions;

/// <summary>
/// Where one scope's history stood when a reconcile began: taken with <see cref="IPositionBook.MarkForReconcile"/>
/// <em>before</em> the broker is asked for its open positions, and given back to
/// <see cref="IPositionBook.Reconcile(in ReconcileMark, System.Collections.Generic.IEnumerable{string})"/> with the
/// broker's answer. Fills and closes the book records after the mark are newer than anything the broker's answer can
/// be trusted to show, so the reconcile keeps them: a position opened after the mark stays open though the broker did
/// not list it, and a position closed after the mark stays closed though the broker still listed it.
/// </summary>
/// <param name="Scope">The scope, by canonical name.</param>
/// <param name="Version">The scope's version in the book that took the mark (moved by every fill and close); meaningless to any other book.</param>
public readonly record struct ReconcileMark(string Scope, long Version)
{
    /// <summary>
    /// How many of a scope's most recent closes every book remembers, with the version each closed at, so that a
    /// reconcile keeps a position closed after its mark though the broker still listed it. A position closed before
    /// that memory began and still listed by the broker is added back (counted, never lost) until the next reconcile.
    /// </summary>
    public const int RememberedCloses = 4096;

    /// <summary>
    /// True when the book could not be read to take the mark (a shared ledger that does not answer): a reconcile given
    /// it changes nothing and reports <see cref="ReconcileReport.Unavailable"/>.
    /// </summary>
    public bool Unavailable { get; init; }
}
