using System;
using System.Collections.Generic;
using System.Threading;
using RiskSdk.Monitoring;

namespace RiskSdk.Redis;

/// <summary>
/// What the operator's view and the metrics read from the Redis book besides counts: the pending reservations of a
/// scope, and how this process's reservations ended (<see cref="IReservationStatistics"/>).
/// </summary>
public sealed partial class RedisPositionBook : IReservationStatistics
{
    private long _committed;
    private long _released;

    /// <inheritdoc/>
    /// <remarks>Reservations this process committed (a late fill included); other processes count theirs.</remarks>
    public long CommittedReservations => Interlocked.Read(ref _committed);

    /// <inheritdoc/>
    /// <remarks>Reservations this process released while pending; other processes count theirs.</remarks>
    public long ReleasedReservations => Interlocked.Read(ref _released);

    /// <inheritdoc/>
    /// <remarks>Every process's pending reservations in the scope (by its canonical name; none for a name the rule refuses); null when the ledger does not answer (unknown, never "none").</remarks>
    public IReadOnlyCollection<long>? GetPendingReservations(string scope)
    {
        if (!ExchangeName.TryParse(scope, out var name))
        {
            return Array.Empty<long>();
        }

        var ids = _ledger.SortedSetMembers("list pending reservations", _keys.Pending(name.Value));
        if (ids is null)
        {
            return null;
        }

        var pending = new long[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            pending[i] = (long)ids[i];
        }

        return pending;
    }

    /// <summary>Counts how a fill or release this process made ended.</summary>
    /// <param name="kind">The operation.</param>
    /// <param name="changed">True when it changed the ledger (a fill recorded, a pending reservation given back).</param>
    private void CountEnding(DeferredKind kind, bool changed)
    {
        if (!changed)
        {
            return;
        }

        switch (kind)
        {
            case DeferredKind.Commit:
                Interlocked.Increment(ref _committed);
                break;
            case DeferredKind.Release:
                Interlocked.Increment(ref _released);
                break;
        }
    }
}
