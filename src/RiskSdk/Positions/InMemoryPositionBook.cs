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
/// The in-process <see cref="IPositionBook"/>. Each scope keeps its counts in one 64-bit word (open positions, pending
/// reservations, freed), and the cap check and the slot are one compare-and-swap of that word, so exchanges never wait
/// on each other and a reservation usually takes no lock. Expired reservations are given back lazily, the next time
/// the scope's counts matter, against a monotonic clock, and remembered for <see cref="ExpiredReservationMemory"/> so
/// a late fill is still recorded.
/// </summary>
/// <remarks>
/// <para>
/// The common reservation and its release are lock-free: a scope has eight reservation slots, and while one is free,
/// below the cap, with no reservation in them old enough to expire, reserving swaps the counts word once and releasing
/// swaps the reservation's id out of its slot and clears the slot's bit. Everything else takes the scope's lock (fills,
/// closes, reconciling, expiry, more than eight reservations waiting at once, freeing the scope) and still moves the
/// counts word atomically, so the counts, and a refusal at a cap full of open positions, are always read without
/// the lock or the clock.
/// </para>
/// <para>
/// The account-wide total (open plus pending over every scope) is kept from the first reservation under an
/// account-wide cap (or <see cref="RiskContext"/> setting one) on: it is then one counter moved by every change of a
/// scope's counts, and a reservation first takes its place in it by compare-and-swap and gives it back if the scope
/// then refuses, so the per-scope and the account-wide checks hold together without a lock spanning scopes. Until
/// then nothing keeps it, and a reservation and its release touch only their scope.
/// </para>
/// <para>
/// <see cref="ReclaimIdle"/> frees the scopes that hold nothing (no open position, no pending reservation, no expired
/// one remembered for a late fill): such a scope decides exactly as one never seen. It uses the retire-then-remove
/// protocol of the cooldown clock and the order-rate limiter: under the scope's lock, the counts word is swapped from
/// "nothing held" to the retired mark, which no reservation's swap can start from and which every write under the
/// lock checks, so a thread that found the scope just before it was freed takes the scope's fresh state instead, and
/// no reservation, fill or position is ever recorded in state that was freed.
/// </para>
/// </remarks>
public sealed partial class InMemoryPositionBook : IPositionBook, IReservationStatistics
{
    private readonly ScopeTable<ScopeBook> _scopes = new();
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

    /// <summary>The releases counted in scope states that were freed; under <see cref="_releasedLock"/>.</summary>
    private long _releasedFreed;

    /// <summary>Makes freeing a scope state (its releases moving to <see cref="_releasedFreed"/>) and reading the count one step each.</summary>
    private readonly object _releasedLock = new();

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
    /// <remarks>
    /// Counted where it happens, in the reservation's slot (by the one thread that ended it, with a plain write) or its
    /// scope, so a release writes nothing every scope shares; read as the sum over the scopes held plus those freed. Never
    /// less than a value read before.
    /// </remarks>
    public long ReleasedReservations
    {
        get
        {
            lock (_releasedLock)
            {
                var released = _releasedFreed;
                foreach (var (_, book) in _scopes.Entries)
                {
                    // A freed state's releases are in _releasedFreed already (moved under this lock).
                    released += book.Retired ? 0 : book.Released;
                }

                return released;
            }
        }
    }

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
    /// A scope full of open positions with nothing pending is refused without reading either. While a slot is free
    /// and no reservation in it may have expired, the reservation is one compare-and-swap of the scope's counts word
    /// (and, under an account-wide cap, one of the account's total before it); otherwise the scope's lock is taken,
    /// expired reservations are given back, and the same word is swapped under it. Never inlined into the caller: a
    /// pipeline's admission step would otherwise take in the name check and the scope lookup, and zero their
    /// temporaries on every decision, the refusals at the cap included. A name the book holds a scope for, spelled as
    /// held (the canonical name a pipeline passes), is found without applying the exchange name rule again.
    /// </remarks>
    [PositionLimitCheck]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ReserveOutcome TryReserve(string scope, int cap, int totalCap, ref DecisionClock clock)
    {
        if (totalCap != int.MaxValue && !TotalTracked)
        {
            TrackAccountTotal();
        }

        // The table holds canonical names only: a name found as given needs no rule applied.
        var book = _scopes.Find(scope) ?? GetScope(ExchangeName.Parse(scope, nameof(scope)).Value);
        var state = book.State;
        if (ScopeBook.PendingOf(state) == 0 && ScopeBook.OpenOf(state) >= cap && !ScopeBook.IsRetired(state))
        {
            // Full of open positions and nothing pending that could expire: refused without the lock or the clock.
            return new ReserveOutcome(ReserveStatus.AtCapacity, default, ScopeBook.OpenOf(state), 0);
        }

        var now = clock.Reads(_time) ? clock.GetTimestamp() : _time.GetTimestamp();

        // Lock-free while a slot is free below both caps and no pending reservation may have expired; otherwise (the
        // cap or the account total reached, every slot taken, an expiry to give back, the scope freed) under the lock.
        while (true)
        {
            int open = ScopeBook.OpenOf(state), pending = ScopeBook.PendingOf(state), total;
            if (ScopeBook.IsRetired(state) || ScopeBook.SlotsFull(state) || open + pending >= cap ||
                (pending > 0 && book.MayHaveExpired(state, now, this)) || (total = TakeFromTotal(book, state, totalCap)) >= totalCap)
            {
                return ReserveUnderLock(book, cap, totalCap, now);
            }

            var id = book.TakeSlot(state, now, this);
            if (id != 0)
            {
                return new ReserveOutcome(ReserveStatus.Reserved, new Reservation(book.Issuer, book.Name, id), open, pending, total);
            }

            GiveBackToTotal(state);
            state = book.State;
        }
    }

    /// <summary>The reservation under the scope's lock: expired reservations given back first, the place taken in a slot or beyond them.</summary>
    private ReserveOutcome ReserveUnderLock(ScopeBook book, int cap, int totalCap, long now)
    {
        var swept = false;
        while (true)
        {
            int open = 0, pending = 0, total = 0;
            var freed = false;
            lock (book)
            {
                if (book.Retired)
                {
                    freed = true;
                    goto Unlocked;
                }

                SweepExpired(book, now);
                while (true)
                {
                    var state = book.State;
                    open = ScopeBook.OpenOf(state);
                    pending = ScopeBook.PendingOf(state);
                    if (open + pending >= cap)
                    {
                        return new ReserveOutcome(ReserveStatus.AtCapacity, default, open, pending);
                    }

                    if ((total = TakeFromTotal(book, state, totalCap)) >= totalCap)
                    {
                        break;
                    }

                    var id = ScopeBook.SlotsFull(state) ? book.TakeOverflow(state, now, this) : book.TakeSlot(state, now, this);
                    if (id != 0)
                    {
                        return new ReserveOutcome(ReserveStatus.Reserved, new Reservation(book.Issuer, book.Name, id), open, pending, total);
                    }

                    GiveBackToTotal(state);

                    if (book.State == state)
                    {
                        // Refused though the word did not move: every slot and every place beyond them is taken.
                        return new ReserveOutcome(ReserveStatus.AtCapacity, default, open, pending);
                    }
                }
            }

        Unlocked:
            if (freed)
            {
                // Freed by ReclaimIdle after this thread found it: help remove it, and reserve in the scope's fresh state.
                book = Fresh(book.Name, book);
                continue;
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
    }

    /// <inheritdoc/>
    public bool Commit(in Reservation reservation, string positionId)
    {
        PositionId.Require(positionId);
        return reservation.Issuer?.ScopeIn(this) is { } book ? Fill(in reservation, positionId, book) : Ignore("fill", reservation.Scope ?? "(none)", positionId);
    }

    /// <summary><see cref="Commit(in Reservation, string)"/> for a handle this book minted in <paramref name="book"/> (its issuer knows it).</summary>
    internal bool Commit(in Reservation reservation, string positionId, ScopeBook book)
    {
        PositionId.Require(positionId);
        return Fill(in reservation, positionId, book);
    }

    /// <summary>
    /// Ends the reservation as the open position <paramref name="positionId"/>, or records a late fill. A freed scope
    /// state held nothing, so its reservations had all ended: the fill is ignored (reservation ids are never reused, so
    /// the scope's newer state cannot hold it either).
    /// </summary>
    private bool Fill(in Reservation reservation, string positionId, ScopeBook book)
    {
        var scope = book.Name;
        lock (book)
        {
            if (book.Retired)
            {
                return Ignore("fill", scope, positionId);
            }

            SweepExpired(book, _time.GetTimestamp());
            var opens = book.Open.Contains(positionId) ? 0 : 1;
            if (book.TryEnd(reservation.Id, this, opens))
            {
                if (opens == 1)
                {
                    book.Open.Add(positionId);
                    book.Stamp(this, positionId);
                }

                Interlocked.Increment(ref _committed);
                return opens == 1 || Ignore("fill of an already open position", scope, positionId);
            }

            if (book.Expired.Remove(reservation.Id) && book.Open.Add(positionId))
            {
                book.Stamp(this, positionId);
                MoveOpen(book, 1);
                Interlocked.Increment(ref _lateFills);
                RiskLog.LateFill(_logger, positionId, scope, reservation.Id);
                return true;
            }
        }

        return Ignore("fill", scope, positionId);
    }

    /// <inheritdoc/>
    /// <remarks>A reservation held in a slot is given back without the lock: its id swapped out of the slot, then the slot's bit cleared.</remarks>
    public bool Release(in Reservation reservation) => reservation.Issuer?.ScopeIn(this) is { } book && Release(in reservation, book);

    /// <summary>
    /// <see cref="Release(in Reservation)"/> for a handle this book minted in <paramref name="book"/> (its issuer knows
    /// it): no lookup, and in a slot no lock.
    /// </summary>
    internal bool Release(in Reservation reservation, ScopeBook book) =>
        book.TryReleaseInSlot(reservation.Id, this) || ReleaseUnderLock(reservation.Id, book);

    /// <summary>
    /// Gives back a reservation held beyond the slots, or forgets an expired one; false when it had already ended. A
    /// freed scope state held nothing, so its reservations had all ended (and ids are never reused, so its newer state
    /// cannot hold this one).
    /// </summary>
    private bool ReleaseUnderLock(long id, ScopeBook book)
    {
        lock (book)
        {
            if (!book.Retired)
            {
                if (book.TryReleaseInOverflow(id, this))
                {
                    return true;
                }

                book.Expired.Remove(id);
            }
        }

        // Releasing twice (or after a commit) is what `using` does on every path; it is expected, not logged.
        return false;
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
                    MoveOpen(book, -1);
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

            MoveOpen(book, added.Count - removed.Count);
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
        if (string.IsNullOrWhiteSpace(positionId) || _scopes.FindSpelled(scope) is not { } book)
        {
            return PositionPresence.NotOpen;
        }

        lock (book)
        {
            return book.Open.Contains(positionId) ? PositionPresence.Open : PositionPresence.NotOpen;
        }
    }

    /// <inheritdoc/>
    public ScopeCounts GetCounts(string scope) => _scopes.FindSpelled(scope) is { } book ? Counts(book) : default;

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
        if (_scopes.FindSpelled(scope) is not { } book)
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
        if (_scopes.FindSpelled(scope) is not { } book)
        {
            return Array.Empty<long>();
        }

        lock (book)
        {
            SweepExpired(book, _time.GetTimestamp());
            return book.PendingIds();
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
            SweepExpired(book, _time.GetTimestamp());
            return book.PublishedCounts;
        }
    }

    /// <summary>Finds a scope's state, creating it the first time (under the table's lock, so it is tracked when the account total is).</summary>
    private ScopeBook GetScope(string name) =>
        _scopes.GetOrAdd(name, static (key, owner) => new ScopeBook(owner, key, owner.NewScopeIndex(), Interlocked.Read(ref owner._version), owner.TotalTracked), this);

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
                    SweepExpired(book, now);
                    Retire(book);
                }

                return book.Retired;
            }
        });
    }

    /// <summary>
    /// Frees <paramref name="book"/> if it holds nothing; under its lock, not yet freed. Its releases move to the book's
    /// count of freed ones in the same step, under <see cref="_releasedLock"/>, so a read counts them exactly once.
    /// </summary>
    private void Retire(ScopeBook book)
    {
        lock (_releasedLock)
        {
            if (!book.TryRetire())
            {
                return;
            }

            _releasedFreed += book.Released;
        }

        if (book.HasCloseMemory)
        {
            InterlockedMax(ref _closesFreedAt, Interlocked.Read(ref _version));
        }
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

    private void SweepAll(long now)
    {
        foreach (var book in _scopes.Values)
        {
            if (book.PublishedCounts.Pending > 0)
            {
                lock (book)
                {
                    SweepExpired(book, now);
                }
            }
        }
    }

    private bool Ignore(string operation, string scope, string subject)
    {
        Interlocked.Increment(ref _ignored);
        RiskLog.OperationIgnored(_logger, operation, scope, subject);
        return false;
    }

    /// <summary>Gives back reservations past the timeout (remembering them for late fills) and forgets the oldest remembered ones past the memory; under the lock.</summary>
    private void SweepExpired(ScopeBook book, long now)
    {
        if (book.ExpiredOrder.Count > 0)
        {
            ForgetOldExpiries(book, now);
        }

        if (ScopeBook.PendingOf(book.State) > 0)
        {
            book.EndExpired(now, this);
        }
    }

    /// <summary>True when a reservation taken at <paramref name="taken"/> has been pending for the timeout at <paramref name="now"/>.</summary>
    private bool HasTimedOut(long taken, long now) => _time.GetElapsedTime(taken, now) >= _reservationTimeout;

    /// <summary>Remembers a reservation <paramref name="book"/> has just ended as expired, so its late fill is still recorded; under the lock.</summary>
    private void Expire(ScopeBook book, long id, long now)
    {
        book.Expired.Add(id);
        book.ExpiredOrder.Enqueue((id, now));
        Interlocked.Increment(ref _expired);
        RiskLog.ReservationExpired(_logger, id, book.Name, _reservationTimeout.TotalSeconds);
    }

    /// <summary>Moves a scope's open count (and the account total, while it is kept) by <paramref name="delta"/>; under the lock, with <see cref="ScopeBook.Open"/>.</summary>
    private void MoveOpen(ScopeBook book, int delta)
    {
        if (delta != 0)
        {
            book.MoveOpen(delta, this);
        }
    }

    private void ForgetOldExpiries(ScopeBook book, long now)
    {
        while (book.ExpiredOrder.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.At, now) >= _expiredMemory)
        {
            book.ExpiredOrder.Dequeue();
            book.Expired.Remove(oldest.Id);
        }
    }
}
