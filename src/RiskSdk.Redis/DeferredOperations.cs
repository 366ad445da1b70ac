using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

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
/// <remarks>
/// One instance per operation: it is the same object in the queue and in the callback that sees a late answer, which
/// marks it <see cref="Landed"/> so the replay does not run it a second time.
/// </remarks>
internal sealed class DeferredOperation
{
    private int _landed;

    /// <summary>Creates an operation.</summary>
    /// <param name="kind">What it does.</param>
    /// <param name="scope">The scope.</param>
    /// <param name="reservationId">The reservation (commit, release), or 0.</param>
    /// <param name="positionId">The position (commit, close), or null.</param>
    public DeferredOperation(DeferredKind kind, string scope, long reservationId, string? positionId)
    {
        Kind = kind;
        Scope = scope;
        ReservationId = reservationId;
        PositionId = positionId;
    }

    /// <summary>What it does.</summary>
    public DeferredKind Kind { get; }

    /// <summary>The scope.</summary>
    public string Scope { get; }

    /// <summary>The reservation (commit, release), or 0.</summary>
    public long ReservationId { get; }

    /// <summary>The position (commit, close), or null.</summary>
    public string? PositionId { get; }

    /// <summary>True once the ledger answered it, even late: it must not be replayed.</summary>
    public bool Landed => Volatile.Read(ref _landed) == 1;

    /// <summary>The reservation or position it names, for logs.</summary>
    public string Subject => PositionId ?? ReservationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records that the ledger answered it.</summary>
    public void MarkLanded() => Volatile.Write(ref _landed, 1);
}

/// <summary>
/// The fills, releases and closes that happened while the ledger was unreachable, in the order they happened. They
/// are facts from the broker, so losing them would lose or double slots; every operation is idempotent, so replaying
/// one that in fact reached Redis before the connection broke is harmless. Bounded: the oldest is dropped (and
/// logged) beyond <see cref="Capacity"/>.
/// </summary>
/// <remarks>
/// One background loop replays them, oldest first, as soon as the ledger answers, retrying every
/// <see cref="RetryInterval"/> meanwhile. No caller ever waits for the replay: the book refuses new positions while
/// anything waits (a slot freed by a waiting close must not be missed, and a waiting fill must count first).
/// </remarks>
internal sealed class DeferredOperations : IDisposable
{
    /// <summary>The most operations kept.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long the replay waits before trying again after the ledger did not answer.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly Queue<DeferredOperation> _queue = new();
    private readonly Func<DeferredOperation, bool?> _execute;
    private readonly Func<bool> _isAnswering;
    private readonly CancellationTokenSource _stopping = new();
    private int _replaying;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="execute">Runs one operation against the ledger; null when it did not answer.</param>
    /// <param name="isAnswering">False while the ledger is known not to answer (the replay then waits without trying).</param>
    public DeferredOperations(Func<DeferredOperation, bool?> execute, Func<bool> isAnswering)
    {
        _execute = execute;
        _isAnswering = isAnswering;
    }

    /// <summary>How many operations wait.</summary>
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

    /// <summary>Keeps an operation at the end of the queue and makes sure the replay runs.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="dropped">The oldest operation, when the queue was full and it was dropped.</param>
    /// <returns>How many operations wait now.</returns>
    public int Add(DeferredOperation operation, out DeferredOperation? dropped)
    {
        int count;
        lock (_queue)
        {
            dropped = _queue.Count >= Capacity ? _queue.Dequeue() : null;
            _queue.Enqueue(operation);
            count = _queue.Count;
        }

        StartReplay();
        return count;
    }

    /// <summary>Stops the replay; what still waits is lost with the process (reconcile after a restart).</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void StartReplay()
    {
        if (Interlocked.CompareExchange(ref _replaying, 1, 0) == 0)
        {
            _ = Task.Run(ReplayAsync);
        }
    }

    private async Task ReplayAsync()
    {
        try
        {
            while (true)
            {
                if (ReplayWaiting())
                {
                    // Nothing waits: stop, unless an operation was added after the last look (then go on replaying).
                    Volatile.Write(ref _replaying, 0);
                    if (Count == 0 || Interlocked.CompareExchange(ref _replaying, 1, 0) != 0)
                    {
                        return;
                    }

                    continue;
                }

                await Task.Delay(RetryInterval, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (ObjectDisposedException)
        {
            // Disposed between two attempts.
        }
    }

    /// <summary>Replays oldest first until none waits (true) or the ledger does not answer (false).</summary>
    private bool ReplayWaiting()
    {
        while (!_stopping.IsCancellationRequested)
        {
            DeferredOperation? operation;
            lock (_queue)
            {
                if (!_queue.TryPeek(out operation))
                {
                    return true;
                }
            }

            if (!operation.Landed && (!_isAnswering() || _execute(operation) is null))
            {
                return false;
            }

            lock (_queue)
            {
                // Only the replay removes from the front, and Add drops the oldest only when full: compare before removing.
                if (_queue.TryPeek(out var front) && ReferenceEquals(front, operation))
                {
                    _queue.Dequeue();
                }
            }
        }

        return false;
    }
}
