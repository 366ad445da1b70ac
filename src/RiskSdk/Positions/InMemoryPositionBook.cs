using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RiskSdk.Gates;
using RiskSdk.Monitoring;

namespace RiskSdk.Positions;

/// <summary>
/// The in-process <see cref="IPositionBook"/>: one lock per scope, so exchanges never wait on each other, and the
/// cap check and the slot are taken under the same lock. Expired reservations are given back lazily, the next time
/// the scope is touched, against a monotonic clock, and remembered for <see cref="ExpiredReservationMemory"/> so a
/// late fill is still recorded.
/// </summary>
/// <remarks>
/// <para>
/// Each scope also publishes its open and pending counts as one 64-bit value whenever they change under its lock,
/// so the two most frequent questions are answered without the lock or the clock while nothing is pending: the
/// counts, and a refusal at the cap (the cap is full of open positions and no reservation could expire).
/// </para>
/// <para>
/// The account-wide total (open plus pending over every scope) is one counter that each scope adjusts under its own
/// lock; an account-wide cap is taken from it by compare-and-swap inside the scope's lock, so the per-scope and the
/// account-wide checks hold together without a lock spanning scopes.
/// </para>
/// <para>
/// <see cref="ReclaimIdle"/> frees the scopes that hold nothing (no open position, no pending reservation, no expired
/// one remembered for a late fill): such a scope decides exactly as one never seen. It uses the retire-then-remove
/// protocol of the cooldown clock and the order-rate limiter: the scope is marked retired under its own lock, and every
/// write checks the mark under that lock, so a thread that found the scope just before it was freed takes the scope's
/// fresh state instead, and no reservation, fill or position is ever recorded in state that was freed.
/// </para>
/// </remarks>
public sealed partial class InMemoryPositionBook : IPositionBook, IReservationStatistics
{
    private readonly ScopeTable<ScopeBook> _scopes = new();
    private readonly ReservationIssuer _issuer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _reservationTimeout;
    private readonly TimeSpan _expiredMemory;
    private readonly ILogger _logger;
    private long _scopeIndexes;
    private long _expired;
    private long _ignored;
    private long _lateFills;
    private long _committed;

    /// <summary>Moved by every position opened or closed in any scope: what a <see cref="ReconcileMark"/> records.</summary>
    private long _version;

    /// <summary>The <see cref="_version"/> when a scope that remembered closes was last freed (0: never).</summary>
    private long _closesFreedAt;
    private long _released;
    private int _total;

    /// <summary>Creates an empty book.</summary>
    /// <param name="reservationTimeout">How long a reservation may stay pending; default 30 s.</param>
    /// <param name="timeProvider">The clock (only its monotonic timestamps are used); default <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Where expiries and ignored operations are logged; default none.</param>
    /// <param name="expiredReservationMemory">How long an expired reservation is remembered, so its late fill is still recorded; default one hour (as the Redis ledger).</param>
    public InMemoryPositionBook(TimeSpan? reservationTimeout = null, TimeProvider? timeProvider = null, ILogger? logger = null, TimeSpan? expiredReservationMemory = null)
    {
        _reservationTimeout = reservationTimeout ?? TimeSpan.FromSeconds(30);
        if (_reservationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reservationTimeout), _reservationTimeout, "The reservation timeout must be positive.");
        }

        _expiredMemory = expiredReservationMemory ?? TimeSpan.FromHours(1);
        if (_expiredMemory <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiredReservationMemory), _expiredMemory, "The memory of expired reservations must be positive.");
        }

        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _issuer = new ReservationIssuer(this);
    }

    /// <inheritdoc/>
    public BookNameCollection Scopes => new(_scopes.Keys);

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

    /// <summary>How long an expired reservation is remembered, so a fill arriving after its expiry is still recorded; older ones are forgotten first.</summary>
    public TimeSpan ExpiredReservationMemory => _expiredMemory;

    /// <inheritdoc/>
    [PositionLimitCheck]
    public ReserveOutcome TryReserve(string scope, int cap)
    {
        var clock = new DecisionClock(_time);
        return TryReserve(scope, cap, int.MaxValue, ref clock);
    }

    /// <inheritdoc/>
    [PositionLimitCheck]
    public ReserveOutcome TryReserve(string scope, int cap, int totalCap)
    {
        var clock = new DecisionClock(_time);
        return TryReserve(scope, cap, totalCap, ref clock);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// On the decision's clock when it reads this book's <see cref="TimeProvider"/>; otherwise this book reads its own.
    /// A scope full of open positions with nothing pending is refused without reading either.
    /// </remarks>
    [PositionLimitCheck]
    public ReserveOutcome TryReserve(string scope, int cap, int totalCap, ref DecisionClock clock)
    {
        var name = ExchangeName.Parse(scope, nameof(scope)).Value;
        var book = GetScope(name);
    Reserve:
        var published = book.PublishedCounts;
        if (published.Pending == 0 && published.Open >= cap)
        {
            // Full of open positions and nothing pending that could expire: refused without the lock or the clock.
            return new ReserveOutcome(ReserveStatus.AtCapacity, default, published.Open, 0);
        }

        var now = clock.Reads(_time) ? clock.GetTimestamp() : _time.GetTimestamp();
        var swept = false;
        while (true)
        {
            int open, pending, total;
            lock (book)
            {
                if (book.Retired)
                {
                    goto Freed;
                }

                SweepExpired(name, book, now);
                open = book.Open.Count;
                pending = book.Pending.Count;
                if (open + pending >= cap)
                {
                    return new ReserveOutcome(ReserveStatus.AtCapacity, default, open, pending);
                }

                total = totalCap == int.MaxValue ? 0 : Volatile.Read(ref _total);
                if (totalCap == int.MaxValue || TryTakeFromTotal(totalCap, ref total))
                {
                    var id = book.NextReservationId(this);
                    book.Pending.Add(id, now);
                    book.Publish(this, alreadyCounted: totalCap == int.MaxValue ? 0 : 1);
                    return new ReserveOutcome(ReserveStatus.Reserved, _issuer.Issue(name, id), open, pending, total);
                }
            }

            if (swept)
            {
                return new ReserveOutcome(ReserveStatus.AtTotalCapacity, default, open, pending, total);
            }

            // The account looks full; reservations that expired in scopes nobody touched since still count in the total.
            // Give them back (one scope lock at a time, never two) and look once more.
            SweepAll(now);
            swept = true;
        }

    Freed:
        // Freed by ReclaimIdle after this thread found it: help remove it, and reserve in the scope's fresh state.
        book = Fresh(name, book);
        goto Reserve;
    }

    /// <inheritdoc/>
    public bool Commit(in Reservation reservation, string positionId)
    {
        PositionId.Require(positionId);
        if (!Owns(reservation, out var scope, out var book))
        {
            return Ignore("fill", reservation.Scope ?? "(none)", positionId);
        }

    Fill:
        lock (book)
        {
            if (book.Retired)
            {
                goto Freed;
            }

            var now = _time.GetTimestamp();
            SweepExpired(scope, book, now);
            if (book.Pending.Remove(reservation.Id))
            {
                var added = book.Open.Add(positionId);
                if (added)
                {
                    book.Stamp(this, positionId);
                }

                book.Publish(this);
                Interlocked.Increment(ref _committed);
                return added || Ignore("fill of an already open position", scope, positionId);
            }

            if (book.Expired.Remove(reservation.Id) && book.Open.Add(positionId))
            {
                book.Stamp(this, positionId);
                book.Publish(this);
                Interlocked.Increment(ref _lateFills);
                RiskLog.LateFill(_logger, positionId, scope, reservation.Id);
                return true;
            }
        }

        return Ignore("fill", scope, positionId);

    Freed:
        // Freed while holding nothing, so not this reservation; a newer state of the scope is looked at all the same.
        if (!_scopes.TryGetValue(scope, out var newer) || ReferenceEquals(newer, book))
        {
            return Ignore("fill", scope, positionId);
        }

        book = newer;
        goto Fill;
    }

    /// <inheritdoc/>
    public bool Release(in Reservation reservation)
    {
        if (!Owns(reservation, out var scope, out var book))
        {
            return false;
        }

    Release:
        lock (book)
        {
            if (book.Retired)
            {
                goto Freed;
            }

            if (book.Pending.Remove(reservation.Id))
            {
                book.Publish(this);
                Interlocked.Increment(ref _released);
                return true;
            }

            book.Expired.Remove(reservation.Id);
        }

        // Releasing twice (or after a commit) is what `using` does on every path; it is expected, not logged.
        return false;

    Freed:
        // Freed while holding nothing, so not this reservation; a newer state of the scope is looked at all the same.
        if (!_scopes.TryGetValue(scope, out var newer) || ReferenceEquals(newer, book))
        {
            return false;
        }

        book = newer;
        goto Release;
    }

    /// <inheritdoc/>
    public bool Close(string scope, string positionId)
    {
        var name = ExchangeName.Parse(scope, nameof(scope)).Value;
        PositionId.Require(positionId);
        while (_scopes.TryGetValue(name, out var book))
        {
            lock (book)
            {
                if (book.Retired)
                {
                    // Freed (so not holding the position): help remove it and look at the scope's newer state, if any.
                    _scopes.TryRemove(name, book);
                    continue;
                }

                if (book.Open.Remove(positionId))
                {
                    book.Unstamp(this, positionId);
                    book.Publish(this);
                    return true;
                }
            }

            break;
        }

        return Ignore("close", name, positionId);
    }

    /// <inheritdoc/>
    public ReconcileMark MarkForReconcile(string scope)
    {
        var name = ExchangeName.Parse(scope, nameof(scope)).Value;
        return new ReconcileMark(name, Interlocked.Read(ref _version));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The book counts every position opened or closed (its version, one for every scope, so a scope given back while
    /// the broker answered is no matter); each scope remembers the version each open position opened at and each of its
    /// last <see cref="ReconcileMark.RememberedCloses"/> closed positions closed at.
    /// </remarks>
    public ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds)
    {
        var name = ExchangeName.Parse(mark.Scope, nameof(mark)).Value;
        var truth = PositionId.RequireAll(brokerOpenPositionIds);

        if (mark.Unavailable)
        {
            return new ReconcileReport(name, Array.Empty<string>(), Array.Empty<string>()) { Unavailable = true };
        }

        var book = GetScope(name);
        var added = new List<string>();
        var removed = new List<string>();
    Reconcile:
        lock (book)
        {
            if (book.Retired)
            {
                goto Freed;
            }

            if (mark.Version > Interlocked.Read(ref _version))
            {
                throw new ArgumentException($"The reconcile mark for {name} (version {mark.Version}) is ahead of the book's history: it was not taken from this book.", nameof(mark));
            }

            if (book.CreatedAt > mark.Version && Interlocked.Read(ref _closesFreedAt) > mark.Version)
            {
                // This state of the scope began after the mark, and a scope with closes was freed since the mark: the
                // closes this reconcile must keep may have been freed with it. Change nothing; the next mark reconciles.
                return new ReconcileReport(name, Array.Empty<string>(), Array.Empty<string>()) { Unavailable = true, Stale = true };
            }

            foreach (var id in truth)
            {
                if (!book.Open.Contains(id) && !book.ClosedAfter(id, mark.Version))
                {
                    added.Add(id);
                }
            }

            foreach (var id in book.Open)
            {
                if (!truth.Contains(id) && !book.OpenedAfter(id, mark.Version))
                {
                    removed.Add(id);
                }
            }

            foreach (var id in removed)
            {
                book.Open.Remove(id);
                book.Unstamp(this, id);
            }

            foreach (var id in added)
            {
                book.Open.Add(id);
                book.Stamp(this, id);
            }

            book.Publish(this);
        }

        added.Sort(StringComparer.Ordinal);
        removed.Sort(StringComparer.Ordinal);
        if (added.Count + removed.Count > 0)
        {
            RiskLog.Reconciled(_logger, name, added.Count, removed.Count);
        }

        return new ReconcileReport(name, added, removed);

    Freed:
        // Freed by ReclaimIdle after this thread found it: reconcile the scope's fresh state.
        book = Fresh(name, book);
        goto Reconcile;
    }

    /// <inheritdoc/>
    public PositionPresence FindPosition(string scope, string positionId)
    {
        if (string.IsNullOrWhiteSpace(positionId) || !TryFind(scope, out var book))
        {
            return PositionPresence.NotOpen;
        }

        lock (book)
        {
            return book.Open.Contains(positionId) ? PositionPresence.Open : PositionPresence.NotOpen;
        }
    }

    /// <inheritdoc/>
    public ScopeCounts GetCounts(string scope) => TryFind(scope, out var book) ? Counts(book) : default;

    /// <inheritdoc/>
    public ScopeCounts GetTotalCounts()
    {
        int open = 0, pending = 0;
        foreach (var book in _scopes.Values)
        {
            var counts = Counts(book);
            open += counts.Open;
            pending += counts.Pending;
        }

        return new ScopeCounts(open, pending);
    }

    /// <inheritdoc/>
    public BookNameCollection GetOpenPositions(string scope)
    {
        if (!TryFind(scope, out var book))
        {
            return BookNameCollection.Empty;
        }

        lock (book)
        {
            return new BookNameCollection(book.Open);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<long>? GetPendingReservations(string scope)
    {
        if (!TryFind(scope, out var book))
        {
            return Array.Empty<long>();
        }

        lock (book)
        {
            SweepExpired(book.Name, book, _time.GetTimestamp());
            return new List<long>(book.Pending.Keys);
        }
    }

    private ScopeCounts Counts(ScopeBook book)
    {
        var published = book.PublishedCounts;
        if (published.Pending == 0)
        {
            return published;
        }

        lock (book)
        {
            SweepExpired(book.Name, book, _time.GetTimestamp());
            return new ScopeCounts(book.Open.Count, book.Pending.Count);
        }
    }

    /// <summary>Finds a scope for a read: a name the identity rule refuses, like one never seen, holds nothing.</summary>
    private bool TryFind(string? scope, out ScopeBook book)
    {
        book = null!;
        return ExchangeName.TryParse(scope, out var name) && _scopes.TryGetValue(name.Value, out book!);
    }

    private ScopeBook GetScope(string name) => _scopes.GetOrAdd(name, static (key, owner) => new ScopeBook(key, owner.NewScopeIndex(), Interlocked.Read(ref owner._version)), this);

    /// <summary>The scope's state after <paramref name="retired"/> was freed: removes it (helping the reclaimer) and finds or creates the fresh one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ScopeBook Fresh(string name, ScopeBook retired)
    {
        _scopes.TryRemove(name, retired);
        return GetScope(name);
    }

    /// <summary>
    /// Frees the state of every scope that holds nothing: no open position, no pending reservation (expired ones are
    /// given back first) and no expired reservation still remembered for a late fill. A freed scope decides exactly as
    /// one never seen. Safe while other threads reserve, fill, release, close and reconcile: a scope is marked retired
    /// under its own lock only when it holds nothing, and every write that finds the mark goes to the scope's fresh state.
    /// </summary>
    /// <remarks>
    /// Cooldowns and order-rate windows are kept elsewhere (<see cref="CooldownClock.ReclaimIdle"/>,
    /// <see cref="OrderRateLimiter.ReclaimIdle"/>). A reconcile whose mark was taken before a scope that had closed
    /// positions was freed reports <see cref="ReconcileReport.Stale"/> and changes nothing (the closes it would
    /// need to keep were freed with the scope); the next mark reconciles.
    /// </remarks>
    /// <returns>How many scopes were freed.</returns>
    public int ReclaimIdle() => ReclaimIdleExcept(keep: null);

    /// <summary>As <see cref="ReclaimIdle()"/>, leaving the scopes <paramref name="keep"/> holds as they are.</summary>
    /// <param name="keep">Scopes never freed (the declared exchanges); null frees any idle scope.</param>
    /// <returns>How many scopes were freed.</returns>
    internal int ReclaimIdleExcept(IReadOnlySet<string>? keep)
    {
        var now = _time.GetTimestamp();
        return _scopes.Reclaim(keep, (name, book) =>
        {
            lock (book)
            {
                if (!book.Retired)
                {
                    SweepExpired(name, book, now);
                    if (book.TryRetire() && book.HasCloseMemory)
                    {
                        InterlockedMax(ref _closesFreedAt, Interlocked.Read(ref _version));
                    }
                }

                return book.Retired;
            }
        });
    }

    /// <summary>How many scopes hold state: they were used since they were last freed.</summary>
    internal int ScopeCount => _scopes.Count;

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (seen < value && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }

    private long NewScopeIndex() => Interlocked.Increment(ref _scopeIndexes);

    /// <summary>Takes one place in the account-wide total when it is below <paramref name="totalCap"/>; <paramref name="total"/> is the count seen.</summary>
    private bool TryTakeFromTotal(int totalCap, ref int total)
    {
        while (true)
        {
            total = Volatile.Read(ref _total);
            if (total >= totalCap)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _total, total + 1, total) == total)
            {
                return true;
            }
        }
    }

    private void SweepAll(long now)
    {
        foreach (var book in _scopes.Values)
        {
            if (book.PublishedCounts.Pending > 0)
            {
                lock (book)
                {
                    SweepExpired(book.Name, book, now);
                }
            }
        }
    }

    private bool Owns(in Reservation reservation, out string scope, out ScopeBook book)
    {
        scope = reservation.Scope ?? string.Empty;
        book = null!;
        return _issuer.Issued(in reservation) && _scopes.TryGetValue(scope, out book!);
    }

    private bool Ignore(string operation, string scope, string subject)
    {
        Interlocked.Increment(ref _ignored);
        RiskLog.OperationIgnored(_logger, operation, scope, subject);
        return false;
    }

    /// <summary>Gives back reservations past the timeout (remembering them for late fills) and forgets the oldest remembered ones past the memory.</summary>
    private void SweepExpired(string scope, ScopeBook book, long now)
    {
        if (book.ExpiredOrder.Count > 0)
        {
            ForgetOldExpiries(book, now);
        }

        if (book.Pending.Count == 0)
        {
            return;
        }

        var expired = false;
        foreach (var (id, created) in book.Pending)
        {
            if (_time.GetElapsedTime(created, now) >= _reservationTimeout)
            {
                // Removing the current entry while enumerating a Dictionary is allowed and allocates nothing.
                book.Pending.Remove(id);
                book.Expired.Add(id);
                book.ExpiredOrder.Enqueue((id, now));
                expired = true;
                Interlocked.Increment(ref _expired);
                RiskLog.ReservationExpired(_logger, id, scope, _reservationTimeout.TotalSeconds);
            }
        }

        if (!expired)
        {
            return;
        }

        book.Publish(this);
    }

    private void ForgetOldExpiries(ScopeBook book, long now)
    {
        while (book.ExpiredOrder.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.At, now) >= _expiredMemory)
        {
            book.ExpiredOrder.Dequeue();
            book.Expired.Remove(oldest.Id);
        }
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

        /// <summary>Open position id to the book's version it opened at.</summary>
        private readonly Dictionary<string, long> _openedAt = new(StringComparer.Ordinal);

        /// <summary>Recently closed position id to the book's version it closed at.</summary>
        private readonly Dictionary<string, long> _closedAt = new(StringComparer.Ordinal);

        /// <summary>The closes in <see cref="_closedAt"/>, oldest first.</summary>
        private readonly Queue<(string Id, long Version)> _closedOrder = new();

        /// <summary>Ids of reservations that expired and are still remembered, so a late fill is recorded (the position is real).</summary>
        public readonly HashSet<long> Expired = new();

        /// <summary>Expired ids in the order they expired, with when: the oldest are forgotten first, once older than the memory.</summary>
        public readonly Queue<(long Id, long At)> ExpiredOrder = new();

        private long _idBase;
        private long _sequence;

        /// <summary>Open count in the high 32 bits, pending in the low 32; written under the lock by <see cref="Publish"/>.</summary>
        private long _published;

        /// <summary>Open plus pending as last added to the book's account-wide total.</summary>
        private int _counted;

        public ScopeBook(string name, long index, long createdAt)
        {
            Name = name;
            _idBase = index << SequenceBits;
            CreatedAt = createdAt;
        }

        /// <summary>The scope's canonical name.</summary>
        public string Name { get; }

        /// <summary>The book's version when this state of the scope was created: its close memory reaches back no further.</summary>
        public long CreatedAt { get; }

        /// <summary>Freed by <see cref="ReclaimIdle"/>: nothing may be recorded in it any more. Read and written under the lock.</summary>
        public bool Retired { get; private set; }

        /// <summary>True when the scope remembers closes a reconcile may need; under the lock.</summary>
        public bool HasCloseMemory => _closedAt.Count > 0;

        /// <summary>Retires the scope when it holds nothing (nothing open, pending or remembered as expired); under the lock, after a sweep.</summary>
        public bool TryRetire()
        {
            Retired = Open.Count == 0 && Pending.Count == 0 && Expired.Count == 0;
            return Retired;
        }

        /// <summary>Records that <paramref name="id"/> opened now, at the book's next version; under the lock.</summary>
        public void Stamp(InMemoryPositionBook owner, string id) => _openedAt[id] = Interlocked.Increment(ref owner._version);

        /// <summary>Records that <paramref name="id"/> closed now, at the book's next version, remembering the newest closes; under the lock.</summary>
        public void Unstamp(InMemoryPositionBook owner, string id)
        {
            var version = Interlocked.Increment(ref owner._version);
            _openedAt.Remove(id);
            _closedAt[id] = version;
            _closedOrder.Enqueue((id, version));
            if (_closedOrder.Count > ReconcileMark.RememberedCloses)
            {
                var oldest = _closedOrder.Dequeue();
                if (_closedAt.TryGetValue(oldest.Id, out var at) && at == oldest.Version)
                {
                    _closedAt.Remove(oldest.Id);
                }
            }
        }

        /// <summary>Whether <paramref name="id"/> opened after <paramref name="version"/>; under the lock.</summary>
        public bool OpenedAfter(string id, long version) => _openedAt.TryGetValue(id, out var at) && at > version;

        /// <summary>Whether <paramref name="id"/> closed after <paramref name="version"/> (as far as the memory reaches); under the lock.</summary>
        public bool ClosedAfter(string id, long version) => _closedAt.TryGetValue(id, out var at) && at > version;

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

        /// <summary>
        /// Makes the current counts visible to lock-free readers and moves the account-wide total by the change;
        /// called under the lock after every change.
        /// </summary>
        /// <param name="owner">The book whose total to adjust.</param>
        /// <param name="alreadyCounted">Places the caller already took in the total (a reservation under an account-wide cap).</param>
        public void Publish(InMemoryPositionBook owner, int alreadyCounted = 0)
        {
            var held = Open.Count + Pending.Count;
            _counted += alreadyCounted;
            if (held != _counted)
            {
                Interlocked.Add(ref owner._total, held - _counted);
                _counted = held;
            }

            Volatile.Write(ref _published, ((long)Open.Count << 32) | (uint)Pending.Count);
        }
    }
}
