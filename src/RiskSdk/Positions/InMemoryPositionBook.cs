using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RiskSdk.Gates;
using RiskSdk.Monitoring;

namespace RiskSdk.Positions;

/// <summary>
/// The in-process <see cref="IPositionBook"/>: one lock per scope, so exchanges never wait on each other, and the
/// cap check and the slot are taken under the same lock. Expired reservations are given back lazily, the next time
/// the scope is touched, against a monotonic clock.
/// </summary>
/// <remarks>
/// Each scope also publishes its open and pending counts as one 64-bit value whenever they change under its lock,
/// so the two most frequent questions are answered without the lock or the clock while nothing is pending: the
/// counts, and a refusal at the cap (the cap is full of open positions and no reservation could expire).
/// </remarks>
public sealed partial class InMemoryPositionBook : IPositionBook, IReservationStatistics
{
    private const int MaxRememberedExpiries = 4096;

    private readonly ScopeTable<ScopeBook> _scopes = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _reservationTimeout;
    private readonly ILogger _logger;
    private long _scopeIndexes;
    private long _expired;
    private long _ignored;
    private long _lateFills;
    private long _committed;
    private long _released;

    /// <summary>Creates an empty book.</summary>
    /// <param name="reservationTimeout">How long a reservation may stay pending; default 30 s.</param>
    /// <param name="timeProvider">The clock (only its monotonic timestamps are used); default <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Where expiries and ignored operations are logged; default none.</param>
    public InMemoryPositionBook(TimeSpan? reservationTimeout = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _reservationTimeout = reservationTimeout ?? TimeSpan.FromSeconds(30);
        if (_reservationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reservationTimeout), _reservationTimeout, "The reservation timeout must be positive.");
        }

        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Scopes => _scopes.Keys;

    /// <inheritdoc/>
    public long ExpiredReservations => Interlocked.Read(ref _expired);

    /// <inheritdoc/>
    public long IgnoredOperations => Interlocked.Read(ref _ignored);

    /// <inheritdoc/>
    public long CommittedReservations => Interlocked.Read(ref _committed);

    /// <inheritdoc/>
    public long ReleasedReservations => Interlocked.Read(ref _released);

    /// <summary>Fills that arrived after their reservation expired; each was recorded as an open position.</summary>
    public long LateFills => Interlocked.Read(ref _lateFills);

    /// <inheritdoc/>
    [PositionLimitCheck]
    public ReserveOutcome TryReserve(string scope, int cap) => Reserve(scope, cap, timestamp: null);

    /// <inheritdoc/>
    /// <remarks>On the decision's clock when it reads this book's <see cref="TimeProvider"/>; otherwise this book reads its own.</remarks>
    [PositionLimitCheck]
    public ReserveOutcome TryReserve(string scope, int cap, ref DecisionClock clock) =>
        Reserve(scope, cap, clock.Reads(_time) ? clock.GetTimestamp() : null);

    private ReserveOutcome Reserve(string scope, int cap, long? timestamp)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var book = GetScope(scope);
        var published = book.PublishedCounts;
        if (published.Pending == 0 && published.Open >= cap)
        {
            // Full of open positions and nothing pending that could expire: refused without the lock or the clock.
            return new ReserveOutcome(ReserveStatus.AtCapacity, default, published.Open, 0);
        }

        var now = timestamp ?? _time.GetTimestamp();
        lock (book)
        {
            SweepExpired(scope, book, now);
            int open = book.Open.Count, pending = book.Pending.Count;
            if (open + pending >= cap)
            {
                return new ReserveOutcome(ReserveStatus.AtCapacity, default, open, pending);
            }

            var id = book.NextReservationId(this);
            book.Pending.Add(id, now);
            book.Publish();
            return new ReserveOutcome(ReserveStatus.Reserved, new Reservation(this, scope, id), open, pending);
        }
    }

    /// <inheritdoc/>
    public bool Commit(in Reservation reservation, string positionId)
    {
        ArgumentNullException.ThrowIfNull(positionId);
        if (!Owns(reservation, out var scope, out var book))
        {
            return Ignore("fill", reservation.Scope ?? "(none)", positionId);
        }

        lock (book)
        {
            SweepExpired(scope, book, _time.GetTimestamp());
            if (book.Pending.Remove(reservation.Id))
            {
                var added = book.Open.Add(positionId);
                book.Publish();
                Interlocked.Increment(ref _committed);
                return added || Ignore("fill of an already open position", scope, positionId);
            }

            if (book.Expired.Remove(reservation.Id) && book.Open.Add(positionId))
            {
                book.Publish();
                Interlocked.Increment(ref _lateFills);
                RiskLog.LateFill(_logger, positionId, scope, reservation.Id);
                return true;
            }
        }

        return Ignore("fill", scope, positionId);
    }

    /// <inheritdoc/>
    public bool Release(in Reservation reservation)
    {
        if (!Owns(reservation, out var scope, out var book))
        {
            return false;
        }

        lock (book)
        {
            if (book.Pending.Remove(reservation.Id))
            {
                book.Publish();
                Interlocked.Increment(ref _released);
                return true;
            }

            book.Expired.Remove(reservation.Id);
        }

        // Releasing twice (or after a commit) is what `using` does on every path; it is expected, not logged.
        return false;
    }

    /// <inheritdoc/>
    public bool Close(string scope, string positionId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(positionId);
        if (_scopes.TryGetValue(scope, out var book))
        {
            lock (book)
            {
                if (book.Open.Remove(positionId))
                {
                    book.Publish();
                    return true;
                }
            }
        }

        return Ignore("close", scope, positionId);
    }

    /// <inheritdoc/>
    public ReconcileReport Reconcile(string scope, IEnumerable<string> brokerOpenPositionIds)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(brokerOpenPositionIds);
        var truth = new HashSet<string>(brokerOpenPositionIds, StringComparer.Ordinal);
        var book = GetScope(scope);
        var added = new List<string>();
        var removed = new List<string>();
        lock (book)
        {
            foreach (var id in truth)
            {
                if (!book.Open.Contains(id))
                {
                    added.Add(id);
                }
            }

            foreach (var id in book.Open)
            {
                if (!truth.Contains(id))
                {
                    removed.Add(id);
                }
            }

            book.Open.Clear();
            book.Open.UnionWith(truth);
            book.Publish();
        }

        added.Sort(StringComparer.Ordinal);
        removed.Sort(StringComparer.Ordinal);
        if (added.Count + removed.Count > 0)
        {
            RiskLog.Reconciled(_logger, scope, added.Count, removed.Count);
        }

        return new ReconcileReport(scope, added, removed);
    }

    /// <inheritdoc/>
    public ScopeCounts GetCounts(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!_scopes.TryGetValue(scope, out var book))
        {
            return default;
        }

        var published = book.PublishedCounts;
        if (published.Pending == 0)
        {
            return published;
        }

        lock (book)
        {
            SweepExpired(scope, book, _time.GetTimestamp());
            return new ScopeCounts(book.Open.Count, book.Pending.Count);
        }
    }

    /// <inheritdoc/>
    public ScopeCounts GetTotalCounts()
    {
        int open = 0, pending = 0;
        foreach (var scope in _scopes.Keys)
        {
            var counts = GetCounts(scope);
            open += counts.Open;
            pending += counts.Pending;
        }

        return new ScopeCounts(open, pending);
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> GetOpenPositions(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!_scopes.TryGetValue(scope, out var book))
        {
            return Array.Empty<string>();
        }

        lock (book)
        {
            return new List<string>(book.Open);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<long>? GetPendingReservations(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!_scopes.TryGetValue(scope, out var book))
        {
            return Array.Empty<long>();
        }

        lock (book)
        {
            SweepExpired(scope, book, _time.GetTimestamp());
            return new List<long>(book.Pending.Keys);
        }
    }

    private ScopeBook GetScope(string scope) => _scopes.GetOrAdd(scope, static (_, owner) => new ScopeBook(owner.NewScopeIndex()), this);

    private long NewScopeIndex() => Interlocked.Increment(ref _scopeIndexes);

    private bool Owns(in Reservation reservation, out string scope, out ScopeBook book)
    {
        scope = reservation.Scope ?? string.Empty;
        book = null!;
        return ReferenceEquals(reservation.Book, this) && _scopes.TryGetValue(scope, out book!);
    }

    private bool Ignore(string operation, string scope, string subject)
    {
        Interlocked.Increment(ref _ignored);
        RiskLog.OperationIgnored(_logger, operation, scope, subject);
        return false;
    }

    private void SweepExpired(string scope, ScopeBook book, long now)
    {
        if (book.Pending.Count == 0)
        {
            return;
        }

        foreach (var (id, created) in book.Pending)
        {
            if (_time.GetElapsedTime(created, now) >= _reservationTimeout)
            {
                book.Pending.Remove(id);
                if (book.Expired.Count >= MaxRememberedExpiries)
                {
                    book.Expired.Clear();
                }

                book.Expired.Add(id);
                Interlocked.Increment(ref _expired);
                RiskLog.ReservationExpired(_logger, id, scope, _reservationTimeout.TotalSeconds);
            }
        }

        book.Publish();
    }

    /// <summary>One scope's state; the object itself is the scope's lock.</summary>
    private sealed class ScopeBook
    {
        /// <summary>Reservation ids are the scope's index in the high bits over a per-scope sequence in the low 40.</summary>
        private const int SequenceBits = 40;

        /// <summary>Pending reservation id to the monotonic timestamp it was taken at.</summary>
        public readonly Dictionary<long, long> Pending = new();

        /// <summary>Open position ids.</summary>
        public readonly HashSet<string> Open = new(StringComparer.Ordinal);

        /// <summary>Ids of reservations that expired, so a late fill is still recorded (the position is real).</summary>
        public readonly HashSet<long> Expired = new();

        private long _idBase;
        private long _sequence;

        /// <summary>Open count in the high 32 bits, pending in the low 32; written under the lock by <see cref="Publish"/>.</summary>
        private long _published;

        public ScopeBook(long index) => _idBase = index << SequenceBits;

        /// <summary>The counts as of the last change, read without the lock.</summary>
        public ScopeCounts PublishedCounts
        {
            get
            {
                var packed = Volatile.Read(ref _published);
                return new ScopeCounts((int)(packed >> 32), (int)packed);
            }
        }

        /// <summary>
        /// The next reservation id, unique in the whole book, taken under the scope's lock: threads reserving in
        /// different scopes never write one shared counter. A scope that uses up its 2^40 ids takes a new index.
        /// </summary>
        public long NextReservationId(InMemoryPositionBook owner)
        {
            if (++_sequence == 1L << SequenceBits)
            {
                _idBase = owner.NewScopeIndex() << SequenceBits;
                _sequence = 1;
            }

            return _idBase | _sequence;
        }

        /// <summary>Makes the current counts visible to lock-free readers; called under the lock after every change.</summary>
        public void Publish() => Volatile.Write(ref _published, ((long)Open.Count << 32) | (uint)Pending.Count);
    }
}
