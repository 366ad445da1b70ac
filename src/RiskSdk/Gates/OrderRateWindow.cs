using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace RiskSdk.Gates;

/// <summary>
/// One exchange's order counts for <see cref="OrderRateLimiter"/>: the span of <see cref="Slots"/> buckets that ends at
/// the newest bucket, and the sum of the orders counted in it.
/// </summary>
/// <remarks>
/// <para>
/// <b>The state word.</b> The newest bucket (relative to the window's first), the span's sum and a retired mark live
/// in one 64-bit word, changed only by compare-and-swap. So the two takes an exchange makes almost always are one
/// compare-and-swap each, without a lock: an order in the newest bucket (or with an older reading, which counts there:
/// time order is kept) adds one to the sum; an order a whole span after the newest starts the span again at its bucket
/// with a sum of one.
/// </para>
/// <para>
/// <b>Under the lock.</b> Moving the span on by 1 to <see cref="BucketsPerSecond"/> buckets (at most
/// <see cref="BucketsPerSecond"/> times a second) must subtract the buckets that leave it, so it needs the counts of the
/// buckets before the newest: a ring of <see cref="Slots"/> counts, each tagged with its bucket, and the sum of those in
/// the span (<see cref="_olderSum"/>, so the newest bucket's count is the word's sum less it). The ring and that sum are
/// read and written only under the window's lock, by the thread that moves the span, gives back an order or counts
/// exactly; the word still changes under them (lock-free takes), but only in ways that keep them right: a take in
/// the newest bucket does not touch the older buckets, and a restart leaves every tagged bucket out of the span.
/// </para>
/// <para>
/// <b>Retired.</b> Once the mark is set, no compare-and-swap counts in the window again: <see cref="OrderRateLimiter"/>
/// counts in the exchange's next window (a fresh one after a reclaim, or the successor this window handed its counts
/// to when its bucket numbers ran out).
/// </para>
/// </remarks>
internal sealed class OrderRateWindow
{
    /// <summary>Buckets in the span: one second's and the one its first bucket may start in.</summary>
    internal const int Slots = BucketsPerSecond + 1;

    /// <summary>The newest bucket is kept relative to <see cref="_first"/>, in this many bits.</summary>
    internal const int NewestBits = 46;

    /// <summary>The most buckets a window can move on from its first: 2^46, 111,000 years of a real clock's time.</summary>
    internal const long MaxNewest = (1L << NewestBits) - 1;

    private const int BucketsPerSecond = OrderRateLimiter.BucketsPerSecond;
    private const int SumBits = 63 - NewestBits;
    private const long Retired = long.MinValue;
    private const long OneOrder = 1L << NewestBits;
    private const long NoBucket = long.MinValue;

    /// <summary>What <see cref="TryCountQuickly"/> answers when it counted nothing: below every bucket number (they stay within <see cref="TimestampBuckets.Limit"/>).</summary>
    internal const long NotCounted = long.MinValue;

    /// <summary>Fails to compile if the sum's bits cannot hold the largest limit the settings accept.</summary>
    private const uint SumRoom = (1u << SumBits) - 1 - RiskSettings.MaxOrdersPerSecondLimit;

    /// <summary>The bucket the window started at; the word's newest bucket is relative to it.</summary>
    private readonly long _first;

    /// <summary>The ring: bucket tags and counts of the buckets before the newest. Under the lock.</summary>
    private readonly long[] _bucketOf = new long[Slots];

    /// <summary>The ring's counts, by <see cref="_bucketOf"/>'s slot. Under the lock.</summary>
    private readonly int[] _countOf = new int[Slots];

    /// <summary>[retired: 1 bit][sum: 17 bits][newest - first: 46 bits].</summary>
    private long _state;

    /// <summary>The newest bucket <see cref="_olderSum"/> belongs to; any other newest was reached by a restart (older sum 0). Under the lock.</summary>
    private long _olderFor = NoBucket;

    /// <summary>The orders in the span's buckets before <see cref="_olderFor"/>. Under the lock.</summary>
    private int _olderSum;

    /// <summary>An empty window whose span ends at <paramref name="newest"/>.</summary>
    /// <param name="newest">The bucket the span ends at.</param>
    public OrderRateWindow(long newest)
    {
        Array.Fill(_bucketOf, NoBucket);
        _first = newest;
    }

    /// <summary>A successor carrying <paramref name="previous"/>'s counts (taken under its lock), its span ending at <paramref name="newest"/>.</summary>
    private OrderRateWindow(OrderRateWindow previous, long newest, int sum)
    {
        _first = newest;
        _state = (long)sum << NewestBits;
        Array.Copy(previous._bucketOf, _bucketOf, Slots);
        Array.Copy(previous._countOf, _countOf, Slots);
        _olderFor = previous._olderFor;
        _olderSum = previous._olderSum;
    }

    /// <summary>What a take did.</summary>
    public enum Take
    {
        /// <summary>The order was counted.</summary>
        Counted,

        /// <summary>The span holds the limit already.</summary>
        Refused,

        /// <summary>The window is retired (or its bucket numbers ran out): count in the exchange's next window.</summary>
        Moved,
    }

    /// <summary>True once retired: it counts no order any more.</summary>
    public bool IsRetired => Volatile.Read(ref _state) < 0;

    /// <summary>Orders in the span of the newest bucket: no later span holds more. Read without the lock.</summary>
    public int CountedUpperBound => SumOf(Volatile.Read(ref _state));

    /// <summary>True when the span ending at <paramref name="bucket"/> holds none of the counted orders; read without the lock.</summary>
    /// <param name="bucket">The bucket of a reading.</param>
    /// <returns>True when every counted order has left the span by then.</returns>
    public bool AllLeftBy(long bucket)
    {
        var state = Volatile.Read(ref _state);
        return SumOf(state) == 0 || bucket - NewestOf(state) > BucketsPerSecond;
    }

    /// <summary>
    /// The two lock-free cases of <see cref="TryTake"/> in a few instructions, for the admission's common path: one
    /// compare-and-swap counts the order in the newest bucket (or, for an older reading, counted there) or starts the
    /// span again a whole span later. Every other case (the limit reached, a move of 1 to
    /// <see cref="BucketsPerSecond"/> buckets, a retired window, a lost race) counts nothing and answers
    /// <see cref="NotCounted"/>: <see cref="TryTake"/> then decides.
    /// </summary>
    /// <param name="bucket">The bucket of the decision's reading.</param>
    /// <param name="limit">The most orders a span may hold.</param>
    /// <returns>The bucket the order was counted in, or <see cref="NotCounted"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long TryCountQuickly(long bucket, int limit)
    {
        var state = Volatile.Read(ref _state);
        var newest = NewestOf(state);
        if (state < 0)
        {
            return NotCounted;
        }

        if (bucket <= newest)
        {
            return SumOf(state) < limit && Interlocked.CompareExchange(ref _state, state + OneOrder, state) == state ? newest : NotCounted;
        }

        return bucket - newest > BucketsPerSecond && bucket - _first <= MaxNewest && Interlocked.CompareExchange(ref _state, Pack(bucket, 1), state) == state
            ? bucket
            : NotCounted;
    }

    /// <summary>Counts one order at <paramref name="bucket"/> when the span ending there holds fewer than <paramref name="limit"/>.</summary>
    /// <param name="bucket">The bucket of the decision's reading.</param>
    /// <param name="limit">The most orders a span may hold.</param>
    /// <param name="count">Orders in the span before this one.</param>
    /// <param name="countedIn">The bucket the order was counted in (the newest, when the reading is older).</param>
    /// <returns>Whether it was counted, refused, or must be counted in the exchange's next window.</returns>
    public Take TryTake(long bucket, int limit, out int count, out long countedIn)
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            var newest = NewestOf(state);
            count = SumOf(state);
            if (state < 0 || (bucket > newest && bucket - _first > MaxNewest))
            {
                countedIn = 0;
                return Take.Moved;
            }

            if (bucket <= newest)
            {
                // The newest bucket, or an older reading that counts there.
                countedIn = newest;
                if (count >= limit)
                {
                    return Take.Refused;
                }

                if (Interlocked.CompareExchange(ref _state, state + OneOrder, state) == state)
                {
                    return Take.Counted;
                }
            }
            else if (bucket - newest > BucketsPerSecond)
            {
                // Every counted order has left the span: it starts again at this bucket, holding this order.
                count = 0;
                countedIn = bucket;
                if (Interlocked.CompareExchange(ref _state, Pack(bucket, 1), state) == state)
                {
                    return Take.Counted;
                }
            }
            else if (TryMoveOn(state, bucket, limit, out count) is { } counted)
            {
                countedIn = bucket;
                return counted ? Take.Counted : Take.Refused;
            }
        }
    }

    /// <summary>Removes one order counted in <paramref name="bucket"/> while that bucket is in the span; never below zero.</summary>
    /// <param name="bucket">The bucket <see cref="TryTake"/> counted it in.</param>
    /// <returns>False when the window is retired: the exchange's next window holds whatever still counts.</returns>
    public bool Untake(long bucket)
    {
        lock (this)
        {
            while (true)
            {
                var state = Volatile.Read(ref _state);
                var newest = NewestOf(state);
                if (state < 0)
                {
                    return false;
                }

                if (bucket > newest || newest - bucket > BucketsPerSecond)
                {
                    return true;
                }

                var older = OlderSum(newest);
                var inBucket = bucket == newest ? SumOf(state) - older : CountIn(bucket);
                if (inBucket == 0)
                {
                    return true;
                }

                if (Interlocked.CompareExchange(ref _state, state - OneOrder, state) != state)
                {
                    continue;
                }

                if (bucket != newest)
                {
                    _countOf[SlotOf(bucket)]--;
                    _olderSum = older - 1;
                }

                return true;
            }
        }
    }

    /// <summary>Orders in the span that ends at <paramref name="bucket"/> (or at the newest bucket, if later).</summary>
    /// <param name="bucket">The bucket of a reading.</param>
    /// <returns>The count.</returns>
    public int CountAt(long bucket)
    {
        lock (this)
        {
            return CountAt(Volatile.Read(ref _state), bucket);
        }
    }

    /// <summary>
    /// Retires the window when none of its orders count in the span ending at <paramref name="bucket"/> and no order
    /// was counted after it. A newest bucket past the reclaim's reading (an order counted, and maybe given back, after
    /// the reclaim read the clock) keeps the window: an order that left the newest bucket's span may still be inside
    /// the reading's, and the exchange's fresh window would start at the reading, within a second of it.
    /// </summary>
    /// <param name="bucket">The bucket of the reclaim's reading.</param>
    /// <returns>True when the window is retired (now, or already).</returns>
    public bool TryRetire(long bucket)
    {
        lock (this)
        {
            while (true)
            {
                var state = Volatile.Read(ref _state);
                if (state < 0)
                {
                    return true;
                }

                if (NewestOf(state) > bucket || CountAt(state, bucket) != 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _state, state | Retired, state) == state)
                {
                    return true;
                }
            }
        }
    }

    /// <summary>
    /// Retires a window that cannot count <paramref name="bucket"/> (it is past the window's <see cref="MaxNewest"/>)
    /// and hands its counts to a successor starting at the current span (or at <paramref name="bucket"/> when every
    /// order has left by then). Called under the lock, which the caller holds until the successor is in the table.
    /// </summary>
    /// <param name="bucket">The bucket of the reading that did not fit.</param>
    /// <param name="successor">The window to count in from now on; null when this one was retired already.</param>
    /// <returns>True when this call retired the window.</returns>
    public bool TryHandOver(long bucket, out OrderRateWindow? successor)
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state < 0)
            {
                successor = null;
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, state | Retired, state) == state)
            {
                var newest = NewestOf(state);
                successor = bucket - newest > BucketsPerSecond
                    ? new OrderRateWindow(bucket)
                    : new OrderRateWindow(this, newest, SumOf(state));
                return true;
            }
        }
    }

    /// <summary>
    /// Moves the span on from the newest bucket to <paramref name="bucket"/> (1 to <see cref="BucketsPerSecond"/>
    /// buckets later), under the lock, when the span ending there has room: the newest bucket's count goes into the ring,
    /// the buckets that leave come off the sum, and the new word is published by compare-and-swap (a take that raced it
    /// sees the new bucket and counts there). A refusal moves nothing.
    /// </summary>
    /// <returns>Whether the order was counted; null when the word changed first (the caller reads it again).</returns>
    private bool? TryMoveOn(long state, long bucket, int limit, out int count)
    {
        lock (this)
        {
            count = 0;
            if (Volatile.Read(ref _state) != state)
            {
                return null;
            }

            var newest = NewestOf(state);
            var older = OlderSum(newest);
            var inNewest = SumOf(state) - older;
            count = older + inNewest - Leaving(newest, bucket);
            if (count >= limit)
            {
                // Refused without moving: the newest bucket stays the newest order's, which AllLeftBy reads.
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, Pack(bucket, count + 1), state) != state)
            {
                return null;
            }

            // Read only under this lock: a lock-free take after the swap counts in `bucket`, which the ring does not hold.
            var slot = SlotOf(newest);
            _bucketOf[slot] = newest;
            _countOf[slot] = inNewest;
            _olderFor = bucket;
            _olderSum = count;
            return true;
        }
    }

    /// <summary>The count in the span ending at <paramref name="bucket"/>, from the word and the ring; under the lock.</summary>
    private int CountAt(long state, long bucket)
    {
        var newest = NewestOf(state);
        if (bucket <= newest)
        {
            return SumOf(state);
        }

        return bucket - newest > BucketsPerSecond ? 0 : SumOf(state) - Leaving(newest, bucket);
    }

    /// <summary>The orders in the buckets that leave the span when it moves on from <paramref name="newest"/> to <paramref name="bucket"/>.</summary>
    private int Leaving(long newest, long bucket)
    {
        var leaving = 0;
        for (var left = newest - BucketsPerSecond; left <= bucket - Slots; left++)
        {
            leaving += CountIn(left);
        }

        return leaving;
    }

    /// <summary>The orders in the span's buckets before <paramref name="newest"/>: 0 when the span restarted there.</summary>
    private int OlderSum(long newest) => _olderFor == newest ? _olderSum : 0;

    private int CountIn(long bucket)
    {
        var slot = SlotOf(bucket);
        return _bucketOf[slot] == bucket ? _countOf[slot] : 0;
    }

    private long NewestOf(long state) => _first + (state & MaxNewest);

    private static int SumOf(long state) => (int)((state & ~Retired) >> NewestBits);

    private long Pack(long newest, int sum) => ((long)sum << NewestBits) | (newest - _first);

    private static int SlotOf(long bucket)
    {
        var slot = (int)(bucket % Slots);
        return slot < 0 ? slot + Slots : slot;
    }
}
