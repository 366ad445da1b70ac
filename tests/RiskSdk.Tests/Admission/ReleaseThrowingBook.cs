using System;
using System.Collections.Generic;
using RiskSdk.Positions;

namespace RiskSdk.Tests.Admission;

/// <summary>A book that hands out a slot on every reservation and throws when one is given back; it counts the attempts.</summary>
internal sealed class ReleaseThrowingBook : IPositionBook
{
    private readonly ReservationIssuer _issuer;

    public ReleaseThrowingBook() => _issuer = new ReservationIssuer(this);

    public int ReleaseAttempts { get; private set; }

    public BookNameCollection Scopes => BookNameCollection.Empty;

    public long ExpiredReservations => 0;

    public long IgnoredOperations => 0;

    public ReserveOutcome TryReserve(string scope, int cap, int totalCap) => new(ReserveStatus.Reserved, _issuer.Issue(scope, 1), 0, 0);

    public bool Release(in Reservation reservation)
    {
        ReleaseAttempts++;
        throw new InvalidOperationException("the book failed while giving the slot back");
    }

    public bool Commit(in Reservation reservation, string positionId) => false;

    public bool Close(string scope, string positionId) => false;

    public PositionPresence FindPosition(string scope, string positionId) => PositionPresence.NotOpen;

    public ReconcileMark MarkForReconcile(string scope) => new(scope, 0);

    public ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds) => new(mark.Scope, Array.Empty<string>(), Array.Empty<string>());

    public ScopeCounts GetCounts(string scope) => default;

    public ScopeCounts GetTotalCounts() => default;

    public BookNameCollection GetOpenPositions(string scope) => BookNameCollection.Empty;
}
