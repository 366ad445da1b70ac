using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace RiskSdk.Positions;

public sealed partial class InMemoryPositionBook
{
    /// <summary>
    /// One scope's state. Its counts live in one 64-bit word (<see cref="State"/>): which of the
    /// <see cref="SlotCount"/> reservation slots are taken, how many reservations wait beyond them, how many positions
    /// are open, whether the book's account-wide total counts them, and whether the scope was freed. Taking a slot under the cap is one compare-and-swap of that word, so
    /// a reservation needs no lock while a slot is free and nothing may have expired; everything else (fills,
    /// closes, reconciling, expiry, reservations beyond the slots, freeing) takes the object's own lock, and still
    /// changes the word atomically, so the word is always the truth the cap is checked against.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A slot's id word says which reservation holds it: 0 while the slot is free or its holder is still writing
    /// the id. A reservation ends (released, filled or expired) by swapping its own id out of that word, so exactly
    /// one of them ends it, and only then is the slot's bit cleared: a slot is never given to a new reservation
    /// while an old handle could still end it. Ids are unique in the book for its whole life (the scope's index in
    /// the high bits, each slot's own sequence below), so a handle never matches a later holder of its slot.
    /// </para>
    /// <para>The slot's holder (the thread whose swap set its bit) alone writes the slot's stamp and next id.</para>
    /// </remarks>
    internal sealed class ScopeBook
    {
        /// <summary>Reservations held without a lock (bits 0-7 of the word).</summary>
        public const int SlotCount = 8;

        private const long SlotBits = (1L << SlotCount) - 1;

        /// <summary>One reservation beyond the slots, kept in <see cref="_overflow"/> (bits 8-31 of the word).</summary>
        private const long OverflowUnit = 1L << SlotCount;

        /// <summary>The most reservations beyond the slots (24 bits).</summary>
        private const int MaxOverflow = (1 << 24) - 1;

        /// <summary>One open position (bits 32-61 of the word).</summary>
        private const long OpenUnit = 1L << 32;

        /// <summary>The open count's bits, once shifted down.</summary>
        private const long OpenMask = (1L << 30) - 1;

        /// <summary>
        /// Set while the book keeps the account-wide total (<see cref="TotalTracked"/>): every change of this word's
        /// open plus pending count then moves the total too. Set with the count it adds (<see cref="MarkTracked"/>), or
        /// when the scope is created, and never cleared but by freeing the scope.
        /// </summary>
        private const long TrackedBit = 1L << 62;

        /// <summary>Set once the scope is freed; the rest of the word is then 0.</summary>
        private const long RetiredBit = long.MinValue;

        /// <summary>Reservation ids are the scope's index in the high bits over a sequence in the low 40.</summary>
        private const int SequenceBits = 40;

        /// <summary>The id's low bits: the slot (0-7), or <see cref="OverflowIdBit"/> for a reservation beyond the slots.</summary>
        private const long OverflowIdBit = 8;

        /// <summary>How far each slot's (and the overflow's) sequence moves per reservation: past the low four bits.</summary>
        private const long IdStep = 16;

        private const long SequenceMask = ((1L << SequenceBits) - 1) & ~(IdStep - 1);

        /// <summary>Open position ids.</summary>
        public readonly HashSet<string> Open = new(StringComparer.Ordinal);

        /// <summary>Ids of reservations that expired and are still remembered, so a late fill is recorded (the position is real).</summary>
        public readonly HashSet<long> Expired = new();

        /// <summary>Expired ids in the order they expired, with when: the oldest are forgotten first, once older than the memory.</summary>
        public readonly Queue<(long Id, long At)> ExpiredOrder = new();

        /// <summary>The slots, inside this object: no array header, no second object to reach on every reservation.</summary>
        private Slots _slots;

        /// <summary>Open position id to the book's version it opened at.</summary>
        private readonly Dictionary<string, long> _openedAt = new(StringComparer.Ordinal);

        /// <summary>Recently closed position id to the book's version it closed at.</summary>
        private readonly Dictionary<string, long> _closedAt = new(StringComparer.Ordinal);

        /// <summary>The closes in <see cref="_closedAt"/>, oldest first.</summary>
        private readonly Queue<(string Id, long Version)> _closedOrder = new();

        /// <summary>Reservations beyond the slots: id to the timestamp it was taken at; under the lock, created when first needed.</summary>
        private Dictionary<long, long>? _overflow;

        /// <summary>The next id of a reservation beyond the slots; under the lock.</summary>
        private long _overflowNext;

        /// <summary>Reservations beyond the slots given back by their owners; under the lock.</summary>
        private long _overflowReleased;

        /// <summary>Taken slots, waiting reservations beyond them, open positions, freed: see the constants.</summary>
        private long _state;

        public ScopeBook(InMemoryPositionBook owner, string name, long index, long createdAt, bool tracked)
        {
            Issuer = new ReservationIssuer(owner, this);
            Name = name;
            CreatedAt = createdAt;
            _state = tracked ? TrackedBit : 0;
            var idBase = index << SequenceBits;
            for (var slot = 0; slot < SlotCount; slot++)
            {
                _slots[slot].Next = idBase | IdStep | (uint)slot;
            }

            _overflowNext = idBase | IdStep | OverflowIdBit;
        }

        /// <summary>The scope's canonical name.</summary>
        public string Name { get; }

        /// <summary>Mints this state's reservations: each handle leads back here, so ending it needs no lookup.</summary>
        public ReservationIssuer Issuer { get; }

        /// <summary>The book's version when this state of the scope was created: its close memory reaches back no further.</summary>
        public long CreatedAt { get; }

        /// <summary>The counts word as it is now.</summary>
        public long State => Volatile.Read(ref _state);

        /// <summary>Freed by <see cref="ReclaimIdle"/>: nothing may be recorded in it any more.</summary>
        public bool Retired => IsRetired(State);

        /// <summary>True when the scope remembers closes a reconcile may need; under the lock.</summary>
        public bool HasCloseMemory => _closedAt.Count > 0;

        /// <summary>The counts as of now, read without the lock.</summary>
        public ScopeCounts PublishedCounts => Counts(State);

        public static bool IsRetired(long state) => state < 0;

        public static int OpenOf(long state) => (int)((state >> 32) & OpenMask);

        public static int PendingOf(long state) => BitOperations.PopCount((ulong)(state & SlotBits)) + (int)((state >> SlotCount) & MaxOverflow);

        public static ScopeCounts Counts(long state) => new(OpenOf(state), PendingOf(state));

        /// <summary>True when the account-wide total counts this word's positions and reservations.</summary>
        public static bool IsTracked(long state) => (state & TrackedBit) != 0;

        /// <summary>
        /// Has the account-wide total count this scope from now on: sets the word's tracked bit and adds the open and
        /// pending positions the word holds at that instant, in one compare-and-swap, so every change before it is in
        /// the count and every change after it moves the total itself. Nothing for a freed or already tracked scope.
        /// </summary>
        public void MarkTracked(InMemoryPositionBook owner)
        {
            while (true)
            {
                var state = State;
                if (IsRetired(state) || IsTracked(state))
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _state, state | TrackedBit, state) == state)
                {
                    Interlocked.Add(ref owner._total, OpenOf(state) + PendingOf(state));
                    return;
                }
            }
        }

        /// <summary>
        /// Takes a free slot for a reservation at <paramref name="now"/> when <paramref name="state"/> is still the word:
        /// one compare-and-swap, no lock. Returns the reservation's id, or 0 (no id is 0) when the word moved (read it
        /// again) or no slot is free.
        /// </summary>
        public long TakeSlot(long state, long now, InMemoryPositionBook owner)
        {
            var free = ~state & SlotBits;
            if (free == 0 || state < 0 || Interlocked.CompareExchange(ref _state, state | (free & -free), state) != state)
            {
                return 0;
            }

            // The slot is this thread's until its id is published: nobody else writes its stamp or next id.
            ref var slot = ref _slots[BitOperations.TrailingZeroCount(free)];
            var id = slot.Next;
            slot.Next = NextId(id, owner);
            slot.Stamp = now;
            Volatile.Write(ref slot.Id, id);
            return id;
        }

        /// <summary>
        /// Takes a place beyond the slots (every slot is taken) when <paramref name="state"/> is still the word; under the
        /// lock. Returns the reservation's id, or 0 when the word moved, a slot came free, or the scope already holds the
        /// most reservations it can count.
        /// </summary>
        public long TakeOverflow(long state, long now, InMemoryPositionBook owner)
        {
            if ((state & SlotBits) != SlotBits || ((state >> SlotCount) & MaxOverflow) == MaxOverflow ||
                Interlocked.CompareExchange(ref _state, state + OverflowUnit, state) != state)
            {
                return 0;
            }

            var id = _overflowNext;
            _overflowNext = NextId(id, owner);
            (_overflow ??= new Dictionary<long, long>()).Add(id, now);
            return id;
        }

        /// <summary>True when every place is taken, so only a reservation beyond the slots is possible (under the lock).</summary>
        public static bool SlotsFull(long state) => (state & SlotBits) == SlotBits;

        /// <summary>
        /// Ends the pending reservation <paramref name="id"/> held in a slot, unless it already ended, and moves the open
        /// count by <paramref name="opened"/> (1 for a fill that opens a position) in the same atomic step, so the counts
        /// never show the slot given back before the position it became. No lock; false for a reservation beyond the slots.
        /// </summary>
        public bool TryEndInSlot(long id, InMemoryPositionBook owner, int opened = 0) => EndInSlot(id, owner, opened, released: false);

        /// <summary>
        /// Gives back the pending reservation <paramref name="id"/> held in a slot (its owner's release), unless it
        /// already ended, and counts the release in the slot. No lock; false for a reservation beyond the slots.
        /// </summary>
        public bool TryReleaseInSlot(long id, InMemoryPositionBook owner) => EndInSlot(id, owner, opened: 0, released: true);

        /// <summary>Gives back the pending reservation <paramref name="id"/> kept beyond the slots (its owner's release) and counts it; under the lock.</summary>
        public bool TryReleaseInOverflow(long id, InMemoryPositionBook owner)
        {
            if (!TryEndInOverflow(id, owner))
            {
                return false;
            }

            Volatile.Write(ref _overflowReleased, _overflowReleased + 1);
            return true;
        }

        /// <summary>
        /// How many of this state's reservations their owners released: each slot's count plus those beyond the slots.
        /// Each count only grows, so a sum read while releases go on is never less than an earlier sum.
        /// </summary>
        public long Released
        {
            get
            {
                var released = Volatile.Read(ref _overflowReleased);
                foreach (ref var slot in (Span<Slot>)_slots)
                {
                    released += Volatile.Read(ref slot.Released);
                }

                return released;
            }
        }

        /// <summary>Ends the pending reservation <paramref name="id"/> kept beyond the slots, moving the open count by <paramref name="opened"/>; under the lock.</summary>
        public bool TryEndInOverflow(long id, InMemoryPositionBook owner, int opened = 0)
        {
            if (_overflow is null || !_overflow.Remove(id))
            {
                return false;
            }

            Ended(Interlocked.Add(ref _state, (opened * OpenUnit) - OverflowUnit), owner, opened);
            return true;
        }

        /// <summary>
        /// The lock-free end: the id swapped out of its slot (exactly one end wins), then, while the slot is still
        /// taken and so this thread's alone, the release counted in it with a plain write, then the slot freed.
        /// </summary>
        private bool EndInSlot(long id, InMemoryPositionBook owner, int opened, bool released)
        {
            if ((id & OverflowIdBit) != 0)
            {
                return false;
            }

            var index = (int)(id & (SlotCount - 1));
            ref var slot = ref _slots[index];
            if (Volatile.Read(ref slot.Id) != id || Interlocked.CompareExchange(ref slot.Id, 0, id) != id)
            {
                return false;
            }

            if (released)
            {
                // The interlocked add below publishes it before the slot can be taken (and ended) again.
                Volatile.Write(ref slot.Released, slot.Released + 1);
            }

            Ended(Interlocked.Add(ref _state, (opened * OpenUnit) - (1L << index)), owner, opened);
            return true;
        }

        /// <summary>Ends the pending reservation <paramref name="id"/> wherever it is held; false when it already ended.</summary>
        public bool TryEnd(long id, InMemoryPositionBook owner, int opened = 0) => TryEndInSlot(id, owner, opened) || TryEndInOverflow(id, owner, opened);

        /// <summary>
        /// Moves the open count by <paramref name="delta"/>; under the lock, with <see cref="Open"/>. When the total is
        /// kept, a rise is taken in it before the word moves and a fall given back after, so the total never reads less
        /// than the positions held.
        /// </summary>
        public void MoveOpen(int delta, InMemoryPositionBook owner)
        {
            if (delta <= 0)
            {
                if (IsTracked(Interlocked.Add(ref _state, delta * OpenUnit)))
                {
                    Interlocked.Add(ref owner._total, delta);
                }

                return;
            }

            while (true)
            {
                var state = State;
                var tracked = IsTracked(state);
                if (tracked)
                {
                    Interlocked.Add(ref owner._total, delta);
                }

                if (Interlocked.CompareExchange(ref _state, state + (delta * OpenUnit), state) == state)
                {
                    return;
                }

                if (tracked)
                {
                    Interlocked.Add(ref owner._total, -delta);
                }
            }
        }

        /// <summary>A pending reservation ended (<paramref name="after"/> is the word it left): unless it became an open position, the total gives its place back.</summary>
        private static void Ended(long after, InMemoryPositionBook owner, int opened)
        {
            if (opened == 0 && IsTracked(after))
            {
                Interlocked.Decrement(ref owner._total);
            }
        }

        /// <summary>
        /// True when a reservation in a slot has been pending for the book's timeout at <paramref name="now"/>, or
        /// reservations wait beyond the slots (their ages are read under the lock): the scope needs a sweep before its
        /// counts can be trusted for a new reservation.
        /// </summary>
        public bool MayHaveExpired(long state, long now, InMemoryPositionBook owner)
        {
            if (((state >> SlotCount) & MaxOverflow) != 0)
            {
                return true;
            }

            for (var taken = (ulong)(state & SlotBits); taken != 0; taken &= taken - 1)
            {
                ref var slot = ref _slots[BitOperations.TrailingZeroCount(taken)];
                if (Volatile.Read(ref slot.Id) != 0 && owner.HasTimedOut(slot.Stamp, now))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Ends every pending reservation taken the book's timeout or longer before <paramref name="now"/>, and has the
        /// book remember each (<see cref="Expire"/>); under the lock. A slot whose holder is still writing its id is
        /// left alone: it was taken a moment ago.
        /// </summary>
        public void EndExpired(long now, InMemoryPositionBook owner)
        {
            for (var taken = (ulong)(State & SlotBits); taken != 0; taken &= taken - 1)
            {
                ref var slot = ref _slots[BitOperations.TrailingZeroCount(taken)];
                var id = Volatile.Read(ref slot.Id);
                if (id != 0 && owner.HasTimedOut(slot.Stamp, now) && TryEndInSlot(id, owner))
                {
                    owner.Expire(this, id, now);
                }
            }

            if (_overflow is { Count: > 0 } overflow)
            {
                foreach (var (id, created) in overflow)
                {
                    // Removing the current entry while enumerating a Dictionary is allowed and allocates nothing.
                    if (owner.HasTimedOut(created, now) && TryEndInOverflow(id, owner))
                    {
                        owner.Expire(this, id, now);
                    }
                }
            }
        }

        /// <summary>Ends every pending reservation (a host draining on shutdown); under the lock. Returns how many ended.</summary>
        public int EndAllPending(InMemoryPositionBook owner)
        {
            var ended = 0;
            foreach (var id in PendingIds())
            {
                ended += TryEnd(id, owner) ? 1 : 0;
            }

            return ended;
        }

        /// <summary>The ids of the pending reservations; under the lock (a slot whose holder is still writing its id is not listed).</summary>
        public List<long> PendingIds()
        {
            var ids = new List<long>(PendingOf(State));
            foreach (ref var slot in (Span<Slot>)_slots)
            {
                var id = Volatile.Read(ref slot.Id);
                if (id != 0)
                {
                    ids.Add(id);
                }
            }

            if (_overflow is not null)
            {
                ids.AddRange(_overflow.Keys);
            }

            return ids;
        }

        /// <summary>Retires the scope when it holds nothing (nothing open, pending or remembered as expired); under the lock, after a sweep.</summary>
        public bool TryRetire()
        {
            var state = State;
            return IsRetired(state) ||
                (Expired.Count == 0 && (state & ~TrackedBit) == 0 && Interlocked.CompareExchange(ref _state, RetiredBit, state) == state);
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

        /// <summary>
        /// The id after <paramref name="id"/> from the same slot (or the overflow): the sequence moves on; when it runs
        /// out (2^36 reservations), the slot takes a new scope index, so an id is never given twice.
        /// </summary>
        private static long NextId(long id, InMemoryPositionBook owner)
        {
            var next = id + IdStep;
            return (next & SequenceMask) != 0 ? next : (owner.NewScopeIndex() << SequenceBits) | IdStep | (id & (IdStep - 1));
        }

        /// <summary>The scope's <see cref="SlotCount"/> slots, held inline.</summary>
        [InlineArray(SlotCount)]
        private struct Slots
        {
            private Slot _first;
        }

        /// <summary>One reservation slot.</summary>
        private struct Slot
        {
            /// <summary>The pending reservation's id; 0 while free or while its holder is still writing it.</summary>
            public long Id;

            /// <summary>The monotonic timestamp the reservation was taken at.</summary>
            public long Stamp;

            /// <summary>The id the slot gives its next reservation.</summary>
            public long Next;

            /// <summary>The slot's reservations released by their owners; written only by the thread whose swap ended one, while the slot is still taken.</summary>
            public long Released;
        }
    }
}
