using System.Collections.Generic;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Tests.Shared;

/// <summary>
/// An in-memory book that also shares the kill switch, as the Redis ledger does, with a sharing the test declares current
/// or not (<see cref="Current"/>). Its reserve never asks about the trading state, so whatever refuses an entry while the
/// state is unknown is the context, not the book.
/// </summary>
internal sealed class SharedStateBook : IPositionBook, ITradingStateStore
{
    private readonly InMemoryPositionBook _inner = new();

    /// <summary>Whether the shared trading state is confirmed; true at first.</summary>
    public bool Current { get; set; } = true;

    /// <summary>When set, asking whether the shared state is confirmed throws it (a ledger client failing unexpectedly).</summary>
    public System.Exception? Failure { get; set; }

    public BookNameCollection Scopes => _inner.Scopes;

    public long ExpiredReservations => _inner.ExpiredReservations;

    public long IgnoredOperations => _inner.IgnoredOperations;

    public ITradingStateSharing? ShareTradingState(TradingSwitch tradingSwitch) => new Sharing(this);

    /// <summary>When set, reserving throws it (a ledger client failing in the middle of an admission).</summary>
    public System.Exception? ReserveFailure { get; set; }

    public ReserveOutcome TryReserve(string scope, int cap, int totalCap) =>
        ReserveFailure is { } failure ? throw failure : _inner.TryReserve(scope, cap, totalCap);

    public PositionPresence FindPosition(string scope, string positionId) => _inner.FindPosition(scope, positionId);

    public bool Commit(in Reservation reservation, string positionId) => _inner.Commit(reservation, positionId);

    public bool Release(in Reservation reservation) => _inner.Release(reservation);

    public bool Close(string scope, string positionId) => _inner.Close(scope, positionId);

    public ReconcileMark MarkForReconcile(string scope) => _inner.MarkForReconcile(scope);

    public ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds) => _inner.Reconcile(mark, brokerOpenPositionIds);

    public ScopeCounts GetCounts(string scope) => _inner.GetCounts(scope);

    public ScopeCounts GetTotalCounts() => _inner.GetTotalCounts();

    public BookNameCollection GetOpenPositions(string scope) => _inner.GetOpenPositions(scope);

    public IReadOnlyCollection<long>? GetPendingReservations(string scope) => ((IPositionBook)_inner).GetPendingReservations(scope);

    private sealed class Sharing(SharedStateBook book) : ITradingStateSharing
    {
        public bool IsCurrent => book.Failure is { } failure ? throw failure : book.Current;

        public void Dispose()
        {
        }
    }
}
