using System.Collections.Generic;

namespace RiskSdk.Redis;

/// <summary>What a deferred operation does when it is replayed.</summary>
internal enum DeferredKind
{
    /// <summary>A fill: commit the reservation as the position.</summary>
    Commit,

    /// <summary>Give the reservation's slot back.</summary>
    Release,

    /// <summary>Close the position.</summary>
    Close,
}

/// <summary>A fill, release or close that could not reach the ledger, kept to be replayed.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Scope">The scope.</param>
/// <param name="ReservationId">The reservation (commit, release), or 0.</param>
/// <param name="PositionId">The position (commit, close), or null.</param>
internal readonly record struct DeferredOperation(DeferredKind Kind, string Scope, long ReservationId, string? PositionId)
{
    /// <summary>The reservation or position it names, for logs.</summary>
    public string Subject => PositionId ?? ReservationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The fills, releases and closes that happened while the ledger was unreachable, in the order they happened. They
/// are facts from the broker, so losing them would lose or double slots; every operation is idempotent, so replaying
/// one that in fact reached Redis before the connection broke is harmless. Bounded: the oldest is dropped (and
/// logged) beyond <see cref="Capacity"/>.
/// </summary>
internal sealed class DeferredOperations
{
    /// <summary>The most operations kept.</summary>
    public const int Capacity = 10_000;

    private readonly Queue<DeferredOperation> _queue = new();

    /// <summary>How many operations wait. Read without the lock, as a hint.</summary>
    public int Count
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Keeps an operation at the end of the queue.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="dropped">The oldest operation, when the queue was full and it was dropped.</param>
    /// <returns>How many operations wait now.</returns>
    public int Add(in DeferredOperation operation, out DeferredOperation? dropped)
    {
        lock (_queue)
        {
            dropped = _queue.Count >= Capacity ? _queue.Dequeue() : null;
            _queue.Enqueue(operation);
            return _queue.Count;
        }
    }

    /// <summary>The oldest waiting operation.</summary>
    /// <param name="operation">It, when there is one.</param>
    /// <returns>False when none waits.</returns>
    public bool TryPeek(out DeferredOperation operation)
    {
        lock (_queue)
        {
            return _queue.TryPeek(out operation);
        }
    }

    /// <summary>Removes the oldest operation once it has been replayed.</summary>
    public void RemoveOldest()
    {
        lock (_queue)
        {
            _queue.TryDequeue(out _);
        }
    }
}
