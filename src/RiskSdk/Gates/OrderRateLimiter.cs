using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using RiskSdk.Positions;

namespace RiskSdk.Gates;

/// <summary>
/// Counts orders per exchange over a one-second window (the exchange's algo-order threshold), in
/// <see cref="BucketsPerSecond"/> buckets, so the memory an exchange takes and the time a check or a refusal takes do
/// not depend on <see cref="MaxPerSecond"/>: about 360 bytes per exchange (21 bucket tags and counts) and a handful of additions, whether the
/// limit is 1 or 100,000 orders a second.
/// </summary>
/// <remarks>
/// <para>
/// <b>What it guarantees.</b> Time is cut into buckets of 1/<see cref="BucketsPerSecond"/> s. An order whose
/// timestamp falls in bucket <c>k</c> is counted against every order in buckets <c>k - BucketsPerSecond</c> to
/// <c>k</c>, a span that always covers the whole second before it. So in <em>any</em> one-second interval at most
/// <see cref="MaxPerSecond"/> orders are allowed, exactly as with an exact sliding window.
/// </para>
/// <para>
/// <b>What it may refuse that an exact limiter would allow.</b> The span counted reaches back between 1 s and
/// 1 + 1/<see cref="BucketsPerSecond"/> s (1.05 s), depending on where in its bucket the oldest counted order fell. An
/// order is refused only when <see cref="MaxPerSecond"/> orders were allowed in the last 1.05 s; an exact limiter
/// refuses when they were allowed in the last 1 s. So after a full burst the next order may have to wait up to 50 ms
/// longer than with an exact window, never less.
/// </para>
/// <para>
/// Orders are stamped in time order per exchange: an order counted with a reading older than one already counted (a
/// decision that read the clock before another thread counted its order) counts as made at the newer time. The
/// overloads that take a <see cref="DecisionClock"/> let a pipeline read the clock once per decision and share the
/// reading between its gates and the book; a decision clock over another <see cref="TimeProvider"/> than this one's
/// cannot stand for this limiter's time, which then reads its own.
/// </para>
/// <para>
/// <b>Threads.</b> Every member is safe to call concurrently. A take is one compare-and-swap, without a lock, when its
/// reading falls in the newest bucket counted (or before it) or a whole span after it; only a take that moves the span
/// on by 1 to <see cref="BucketsPerSecond"/> buckets (at most <see cref="BucketsPerSecond"/> times a second per
/// exchange), giving an order back, and counting exactly near the limit take the exchange's lock.
/// </para>
/// <para>
/// <see cref="ReclaimIdle"/> frees the state of exchanges none of whose orders still count at its reading (an exchange
/// that counted an order after that reading is kept, even if the order was given back). A freed window is marked
/// retired in the same word the takes swap, so no order is ever counted in it after; a thread that finds it retired
/// counts in the exchange's fresh window, which starts no earlier than the latest reclaim's reading when it is created
/// (an order stamped earlier counts as made then), so the guarantee holds across a reclaim.
/// </para>
/// </remarks>
public sealed class OrderRateLimiter
{
    /// <summary>How many buckets one second is cut into; the counted span is at most one bucket longer than a second.</summary>
    public const int BucketsPerSecond = 20;

    private readonly ScopeTable<OrderRateWindow> _windows = new();
    private readonly TimeProvider _time;
    private readonly TimestampBuckets _buckets;
    private readonly int _maxPerSecond;

    /// <summary>
    /// Where bucket numbers start (<see cref="OriginFor"/>): buckets are numbered from it on the wrapping difference,
    /// so a clock that starts near the end of the timestamp range and wraps past <see cref="long.MaxValue"/> still
    /// moves forward here (numbered from the raw value, every order after the wrap was refused for good, counted
    /// against orders "in the last second" long gone). One subtraction per reading.
    /// </summary>
    private long _origin = NoOrigin;

    /// <summary><see cref="_origin"/> before the first reading; never an origin (<see cref="OriginFor"/> gives 0 or a whole number of seconds past 2^62 ticks).</summary>
    private const long NoOrigin = 1;

    /// <summary>The bucket of the latest reclaim: a window created after it starts there (<see cref="FreshWindow"/>); written before any window is retired.</summary>
    private long _reclaimedAt = long.MinValue;

    /// <summary>Creates a limiter.</summary>
    /// <param name="maxPerSecond">The most orders per exchange in any one-second window.</param>
    /// <param name="timeProvider">The clock; only its monotonic timestamps are used.</param>
    public OrderRateLimiter(int maxPerSecond, TimeProvider timeProvider)
    {
        if (maxPerSecond is < 1 or > RiskSettings.MaxOrdersPerSecondLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerSecond), maxPerSecond, $"From 1 to {RiskSettings.MaxOrdersPerSecondLimit} orders per second may be allowed.");
        }

        _maxPerSecond = maxPerSecond;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _buckets = new TimestampBuckets(_time.TimestampFrequency, BucketsPerSecond);
    }

    /// <summary>
    /// Where bucket numbers start: 0 for a clock whose first reading is within a quarter of the timestamp range of 0 (numbers as
    /// the raw timestamp gives them, centuries from a wrap at any resolution up to 1 GHz); otherwise that
    /// reading, whole seconds only, so a bucket still begins where one begins on the raw timestamp.
    /// </summary>
    private static long OriginFor(long start, long frequency) =>
        start is >= -(1L << 62) and <= 1L << 62 ? 0 : start - (start % frequency);

    /// <summary>The most orders per exchange in any one-second window.</summary>
    public int MaxPerSecond => _maxPerSecond;

    /// <summary>Orders the exchange sent in the counted span before now (the last second and at most one bucket more).</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The count, at most <see cref="MaxPerSecond"/>.</returns>
    public int CountLastSecond(string exchange)
    {
        var clock = new DecisionClock(_time);
        return CountLastSecond(exchange, ref clock);
    }

    /// <summary>Orders the exchange sent in the counted span before the decision's reading (the second before it and at most one bucket more).</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="clock">The decision's clock; not read for an exchange with no orders.</param>
    /// <returns>The count, at most <see cref="MaxPerSecond"/>.</returns>
    public int CountLastSecond(string exchange, ref DecisionClock clock) =>
        _windows.FindSpelled(exchange) is { } window ? window.CountAt(BucketOf(Now(ref clock))) : 0;

    /// <summary>
    /// Whether one more order would surely fit, read without a lock or the clock: true when fewer than
    /// <see cref="MaxPerSecond"/> orders were counted in the span of the newest order, which no later span can
    /// exceed. False means "count exactly" (<see cref="CountLastSecond(string, ref DecisionClock)"/>), not "refuse".
    /// </summary>
    /// <param name="exchange">The exchange, under any spelling the <see cref="ExchangeName"/> rule accepts.</param>
    /// <returns>True when the allowance surely has room.</returns>
    public bool SurelyHasRoom(string exchange) =>
        _windows.FindSpelled(exchange) is not { } window || window.CountedUpperBound < _maxPerSecond;

    /// <summary>
    /// Whether one more order would surely fit at the decision's reading, read without a lock: as
    /// <see cref="SurelyHasRoom(string)"/>, or when every counted order has left the span by then.
    /// </summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="clock">The decision's clock; read only when the lock-free count alone cannot promise room.</param>
    /// <returns>True when the allowance surely has room.</returns>
    public bool SurelyHasRoom(string exchange, ref DecisionClock clock) =>
        _windows.FindSpelled(exchange) is not { } window || window.CountedUpperBound < _maxPerSecond || window.AllLeftBy(BucketOf(Now(ref clock)));

    /// <summary>Takes one order from the exchange's allowance when it is not used up; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="count">Orders in the counted span as seen by the attempt (before this one).</param>
    /// <returns>True when the order was counted; false when the limit was reached.</returns>
    public bool TryTake(string exchange, out int count)
    {
        var clock = new DecisionClock(_time);
        return TryTake(exchange, ref clock, out count, out _);
    }

    /// <summary>Takes one order from the exchange's allowance at the decision's reading when it is not used up; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="clock">The decision's clock: the order counts at its reading.</param>
    /// <param name="count">Orders in the counted span as seen by the attempt (before this one).</param>
    /// <returns>True when the order was counted; false when the limit was reached.</returns>
    public bool TryTake(string exchange, ref DecisionClock clock, out int count) => TryTake(exchange, ref clock, out count, out _);

    /// <summary>
    /// The counting step's common case, for the admission: the exchange's window found under the name as given (the
    /// canonical name a pipeline passes), the decision's clock this limiter's, and one compare-and-swap
    /// (<see cref="OrderRateWindow.TryCountQuickly"/>). Counts nothing otherwise: the caller then takes the full step
    /// (<see cref="TryTake(string, ref DecisionClock, out int, out long)"/>), which also says why an order is refused.
    /// </summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="clock">The decision's clock: the order counts at its reading.</param>
    /// <returns>The bucket the order was counted in, or <see cref="OrderRateWindow.NotCounted"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long TryTakeQuickly(string exchange, ref DecisionClock clock) =>
        _windows.Find(exchange) is { } window && clock.Reads(_time)
            ? window.TryCountQuickly(BucketOf(clock.GetTimestamp()), _maxPerSecond)
            : OrderRateWindow.NotCounted;

    /// <summary>The counting step, also saying which bucket the order was counted in, so it can be given back.</summary>
    internal bool TryTake(string exchange, ref DecisionClock clock, out int count, out long countedIn)
    {
        // The table holds canonical names only: a name found as given is canonical and needs no rule applied.
        var window = _windows.Find(exchange);
        if (window is null)
        {
            exchange = ExchangeName.Parse(exchange, nameof(exchange)).Value;
        }

        var bucket = BucketOf(Now(ref clock));
        while (true)
        {
            window ??= _windows.GetOrAdd(exchange, static (_, decision) => decision.Limiter.FreshWindow(decision.Bucket), (Limiter: this, Bucket: bucket));
            var take = window.TryTake(bucket, _maxPerSecond, out count, out countedIn);
            if (take != OrderRateWindow.Take.Moved)
            {
                return take == OrderRateWindow.Take.Counted;
            }

            // Retired (found by the lookup as given or not): the exchange's window is looked up again after this.
            Supersede(exchange, window, bucket);
            window = null;
        }
    }

    /// <summary>Gives back an order counted in <paramref name="countedIn"/> (its admission was refused later); nothing when it has left the last second.</summary>
    /// <param name="exchange">The exchange, under any spelling the <see cref="ExchangeName"/> rule accepts; nothing for a name it refuses.</param>
    /// <param name="countedIn">The bucket <see cref="TryTake(string, ref DecisionClock, out int, out long)"/> counted it in.</param>
    internal void Untake(string exchange, long countedIn)
    {
        var window = _windows.FindSpelled(exchange);
        while (window is not null && !window.Untake(countedIn))
        {
            // Retired since: by a reclaim (none of its orders counted any more, so nothing is left to give back) or by
            // a hand-over, whose successor (in the table once the retired window's lock is free) holds the order now.
            var next = _windows.FindSpelled(exchange);
            window = ReferenceEquals(next, window) ? null : next;
        }
    }

    /// <summary>
    /// Frees the state of every exchange none of whose orders count any more (the newest is more than a second and a
    /// bucket old): it then decides exactly as an exchange never seen. Safe while other threads take orders.
    /// </summary>
    /// <returns>How many exchanges were freed.</returns>
    public int ReclaimIdle() => ReclaimIdleExcept(keep: null);

    /// <summary>As <see cref="ReclaimIdle()"/>, leaving the exchanges <paramref name="keep"/> holds as they are.</summary>
    /// <param name="keep">Canonical names never freed (the declared exchanges); null frees any idle exchange.</param>
    /// <returns>How many exchanges were freed.</returns>
    internal int ReclaimIdleExcept(IReadOnlySet<string>? keep)
    {
        var now = BucketOf(_time.GetTimestamp());
        AtomicMaximum.Raise(ref _reclaimedAt, now);
        return _windows.Reclaim(keep, (_, window) => window.TryRetire(now));
    }

    /// <summary>How many exchanges hold a window: they sent an order since they were last freed.</summary>
    internal int Count => _windows.Count;

    /// <summary>
    /// An exchange's new window: its span starts at the decision's bucket, or at the latest reclaim's when that is later
    /// (time order). Called by the table under its write lock, after the removal of any window this one replaces, so it
    /// reads the reclaim that retired that window: a reclaim's reading read before the lock (by a thread descheduled
    /// while another window came, counted orders and was reclaimed) could start this span within a second of the
    /// reclaimed window's orders.
    /// </summary>
    private OrderRateWindow FreshWindow(long bucket) => new(Math.Max(bucket, Volatile.Read(ref _reclaimedAt)));

    /// <summary>The bucket of a reading, numbered from <see cref="_origin"/> (fixed by the first reading) on the wrapping difference.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private long BucketOf(long timestamp)
    {
        var origin = Volatile.Read(ref _origin);
        return _buckets.Of(unchecked(timestamp - (origin != NoOrigin ? origin : Originate(timestamp))));
    }

    /// <summary>Fixes the origin from the first reading (no reading of its own: a decision still reads the clock once); the first thread to get here decides.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private long Originate(long timestamp)
    {
        var origin = OriginFor(timestamp, _time.TimestampFrequency);
        var seen = Interlocked.CompareExchange(ref _origin, origin, NoOrigin);
        return seen == NoOrigin ? origin : seen;
    }

    /// <summary>The decision's reading when its clock is this limiter's; this limiter's own reading otherwise.</summary>
    private long Now(ref DecisionClock clock) => clock.Reads(_time) ? clock.GetTimestamp() : _time.GetTimestamp();

    /// <summary>
    /// The exchange's window was retired: by <see cref="ReclaimIdle"/> (help remove it; the exchange starts afresh) or
    /// because its bucket numbers cannot reach <paramref name="bucket"/> (put a successor holding its counts in its
    /// place). Under the window's lock, so a thread that finds it retired mid-hand-over waits for the successor.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Supersede(string exchange, OrderRateWindow window, long bucket)
    {
        lock (window)
        {
            if (window.TryHandOver(bucket, out var successor))
            {
                _windows.TryReplace(exchange, window, successor!);
            }
            else
            {
                _windows.TryRemove(exchange, window);
            }
        }
    }
}
