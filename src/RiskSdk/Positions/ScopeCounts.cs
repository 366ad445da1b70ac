namespace RiskSdk.Positions;

/// <summary>Open positions and pending reservations of one scope (or of the whole book) at one moment.</summary>
/// <param name="Open">Positions whose orders filled and that are not closed.</param>
/// <param name="Pending">Reservations neither committed, released nor expired: orders in flight.</param>
public readonly record struct ScopeCounts(int Open, int Pending)
{
    /// <summary>Open plus pending: what counts against a cap.</summary>
    public int Total => Open + Pending;

    /// <summary>
    /// True when the book could not be read (a remote ledger that did not answer in time): the counts are zero and
    /// must not be trusted; a check that reads them fails closed with <see cref="RejectionReason.LedgerUnavailable"/>.
    /// </summary>
    public bool Unavailable { get; init; }
}
