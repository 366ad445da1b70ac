namespace RiskSdk.Monitoring;

/// <summary>
/// How a position book's reservations ended, for the metrics that set orders placed against approvals not used.
/// A book that implements it gets <c>risksdk.orders.placed</c> and <c>risksdk.approvals.unused</c> series.
/// </summary>
public interface IReservationStatistics
{
    /// <summary>Reservations committed: the order was placed and filled, and the slot became an open position.</summary>
    long CommittedReservations { get; }

    /// <summary>Reservations released: the approval was not used (the order was not placed, was rejected or failed).</summary>
    long ReleasedReservations { get; }
}
