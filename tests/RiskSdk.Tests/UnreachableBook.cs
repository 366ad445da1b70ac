using System;
using System.Collections.Generic;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>A ledger that cannot be reached: every reservation answers Unavailable, as a remote ledger does when it is down.</summary>
internal sealed class UnreachableBook : IPositionBook
{
    public BookNameCollection Scopes => BookNameCollection.NotRead;

    public long ExpiredReservations => 0;

    public long IgnoredOperations => 0;

    public ReserveOutcome TryReserve(string scope, int cap, int totalCap) => new(ReserveStatus.Unavailable, default, 0, 0);

    public PositionPresence FindPosition(string scope, string positionId) => PositionPresence.Unavailable;

    public bool Commit(in Reservation reservation, string positionId) => false;

    public bool Release(in Reservation reservation) => false;

    public bool Close(string scope, string positionId) => false;

    public ReconcileMark MarkForReconcile(string scope) => new(scope, 0) { Unavailable = true };

    public ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds) => new(mark.Scope, Array.Empty<string>(), Array.Empty<string>()) { Unavailable = true };

    public ScopeCounts GetCounts(string scope) => new(0, 0) { Unavailable = true };

    public ScopeCounts GetTotalCounts() => new(0, 0) { Unavailable = true };

    public BookNameCollection GetOpenPositions(string scope) => BookNameCollection.NotRead;
}
