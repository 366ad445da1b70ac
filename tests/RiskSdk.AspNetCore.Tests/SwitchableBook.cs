using System.Collections.Generic;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.AspNetCore.Tests;

/// <summary>
/// An in-memory book that can be made to stop answering, as a remote ledger does in an outage: its counts become
/// unknown and, as it shares the kill switch like the Redis ledger, so does the shared trading state.
/// </summary>
internal sealed class SwitchableBook : IPositionBook, ITradingStateStore
{
    private readonly InMemoryPositionBook _inner = new();

    public bool Down { get; set; }

    public BookNameCollection Scopes => Down ? BookNameCollection.NotRead : _inner.Scopes;

    public long ExpiredReservations => _inner.ExpiredReservations;

    public long IgnoredOperations => _inner.IgnoredOperations;

    public ReserveOutcome TryReserve(string scope, int cap, int totalCap) => Down ? new(ReserveStatus.Unavailable, default, 0, 0) : _inner.TryReserve(scope, cap, totalCap);

    public PositionPresence FindPosition(string scope, string positionId) => Down ? PositionPresence.Unavailable : _inner.FindPosition(scope, positionId);

    public bool Commit(in Reservation reservation, string positionId) => _inner.Commit(reservation, positionId);

    public bool Release(in Reservation reservation) => _inner.Release(reservation);

    public bool Close(string scope, string positionId) => _inner.Close(scope, positionId);

    public ReconcileMark MarkForReconcile(string scope) => _inner.MarkForReconcile(scope);

    public ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds) => _inner.Reconcile(mark, brokerOpenPositionIds);

    public ScopeCounts GetCounts(string scope) => Down ? new ScopeCounts(0, 0) { Unavailable = true } : _inner.GetCounts(scope);

    public ScopeCounts GetTotalCounts() => Down ? new ScopeCounts(0, 0) { Unavailable = true } : _inner.GetTotalCounts();

    public BookNameCollection GetOpenPositions(string scope) => Down ? BookNameCollection.NotRead : _inner.GetOpenPositions(scope);

    public ITradingStateSharing? ShareTradingState(TradingSwitch tradingSwitch) => new Sharing(this);

    public IReadOnlyCollection<long>? GetPendingReservations(string scope) => Down ? null : ((IPositionBook)_inner).GetPendingReservations(scope);

    private sealed class Sharing(SwitchableBook book) : ITradingStateSharing
    {
        public bool IsCurrent => !book.Down;

        public void Dispose()
        {
        }
    }
}
