using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using RiskSdk.Positions;

namespace RiskSdk.Gates;

/// <summary>
/// The time of each exchange's last trade, on the monotonic clock (a wall-clock change never opens or extends a
/// window). Stamping is a compare-and-swap, so two threads can never both start trading inside one window.
/// </summary>
/// <remarks>
/// <para>
/// The overloads that take a <see cref="DecisionClock"/> let a pipeline read the clock once per decision and share the
/// reading between its gates and the book. A decision clock over another <see cref="TimeProvider"/> than this one's
/// cannot stand for this clock's time: this clock then reads its own.
/// </para>
/// <para>
/// <see cref="ReclaimIdle"/> frees the state of exchanges whose last trade is older than every window: such an
/// exchange decides exactly as one that never traded. The stamp is first swapped to a retired mark, which no stamp
/// can replace; a thread that finds the mark takes the exchange's fresh state instead, so no trade is ever recorded
/// in state that was freed.
/// </para>
/// </remarks>
public sealed class CooldownClock
{
    private const long Never = long.MinValue;

    /// <summary>The mark of a freed exchange's state: read as <see cref="Never"/>, never replaced.</summary>
    private const long Retired = long.MaxValue;
    /// <summary>What <see cref="TryStampQuickly"/> answers when it stamped nothing.</summary>
    internal const long NotStamped = Never;

    private readonly ScopeTable<StrongBox<long>> _lastTrade = new();
    private readonly TimeProvider _time;

    /// <summary>
    /// The reading of the latest reclaim, written before it retires any state. A trade stamped into a state a reclaim
    /// left fresh is stamped no earlier than it (a decision that read the clock before re-reads it), so the trade the
    /// reclaim forgot, at least the longest window before the reclaim, is at least a window before the new stamp.
    /// </summary>
    private long _reclaimedAt = long.MinValue;

    /// <summary>The clock's timestamp ticks per second, read once: windows are compared in ticks (<see cref="TicksOf"/>).</summary>
    private readonly long _frequency;

    /// <summary>Creates a clock with no trades.</summary>
    /// <param name="timeProvider">The clock; only its monotonic timestamps are used.</param>
    /// <exception cref="ArgumentOutOfRangeException">The clock's <see cref="TimeProvider.TimestampFrequency"/> is not positive.</exception>
    public CooldownClock(TimeProvider timeProvider)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _frequency = _time.TimestampFrequency > 0
            ? _time.TimestampFrequency
            : throw new ArgumentOutOfRangeException(nameof(timeProvider), _time.TimestampFrequency, "A clock's timestamp frequency must be positive.");
    }

    /// <summary>Time since the exchange's last trade; null when it has not traded.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The elapsed time, or null.</returns>
    public TimeSpan? SinceLastTrade(string exchange)
    {
        var last = LastTrade(exchange);
        return last == Never ? null : Elapsed(last, _time.GetTimestamp());
    }

    /// <summary>Time from the exchange's last trade to the decision's reading; null when it has not traded (the clock is then not read).</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <returns>The elapsed time, or null.</returns>
    public TimeSpan? SinceLastTrade(string exchange, ref DecisionClock clock)
    {
        var last = LastTrade(exchange);
        return last == Never ? null : Elapsed(last, Now(ref clock));
    }

    /// <summary>The exchange's last trade and the decision's reading, on this clock's timestamps, for judging a window in ticks (<see cref="HasPassed"/>).</summary>
    /// <param name="exchange">The exchange, under any spelling the <see cref="ExchangeName"/> rule accepts.</param>
    /// <param name="clock">The decision's clock; not read when the exchange has not traded.</param>
    /// <param name="last">The last trade's stamp.</param>
    /// <param name="now">The reading (this clock's own when the decision's reads another).</param>
    /// <returns>False when the exchange has not traded (or the name is refused): there is no window to judge.</returns>
    internal bool TryLastTrade(string exchange, ref DecisionClock clock, out long last, out long now)
    {
        last = LastTrade(exchange);
        now = last == Never ? 0 : Now(ref clock);
        return last != Never;
    }

    /// <summary>Records a trade now, whatever the window (for trades placed outside a pipeline).</summary>
    /// <param name="exchange">The exchange.</param>
    public void RecordTrade(string exchange)
    {
        exchange = ExchangeName.Parse(exchange, nameof(exchange)).Value;
        var now = _time.GetTimestamp();
        while (true)
        {
            var box = Box(exchange);
            var last = Volatile.Read(ref box.Value);
            if (last == Retired)
            {
                _lastTrade.TryRemove(exchange, box);
            }
            else if (Interlocked.CompareExchange(ref box.Value, now, last) == last)
            {
                return;
            }
        }
    }

    /// <summary>Records a trade now only when at least <paramref name="window"/> has passed since the last one; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="window">The cooldown in force.</param>
    /// <param name="elapsed">Time since the last trade (<see cref="TimeSpan.MaxValue"/> when none) as seen by the attempt.</param>
    /// <returns>True when the trade was recorded; false when the window has not passed.</returns>
    public bool TryRecordTrade(string exchange, TimeSpan window, out TimeSpan elapsed)
    {
        var clock = new DecisionClock(_time);
        return TryRecordTrade(exchange, window, ref clock, out elapsed, out _, out _);
    }

    /// <summary>Records a trade at the decision's reading only when at least <paramref name="window"/> has passed since the last one; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="window">The cooldown in force.</param>
    /// <param name="clock">The decision's clock: the stamp is its reading.</param>
    /// <param name="elapsed">Time since the last trade (<see cref="TimeSpan.MaxValue"/> when none) as seen by the attempt.</param>
    /// <returns>True when the trade was recorded; false when the window has not passed.</returns>
    public bool TryRecordTrade(string exchange, TimeSpan window, ref DecisionClock clock, out TimeSpan elapsed) =>
        TryRecordTrade(exchange, window, ref clock, out elapsed, out _, out _);

    /// <summary>Gives back a stamp <see cref="TryStamp"/> wrote, unless another trade stamped since.</summary>
    /// <param name="exchange">The exchange, under any spelling the <see cref="ExchangeName"/> rule accepts; nothing for a name it refuses.</param>
    /// <param name="stamped">The stamp that was written.</param>
    /// <param name="previous">The stamp it replaced.</param>
    internal void UndoTrade(string exchange, long stamped, long previous)
    {
        if (_lastTrade.FindSpelled(exchange) is { } box)
        {
            Interlocked.CompareExchange(ref box.Value, previous, stamped);
        }
    }

    /// <summary>The stamping step, also saying what it wrote and what it replaced, so the stamp can be given back.</summary>
    internal bool TryRecordTrade(string exchange, TimeSpan window, ref DecisionClock clock, out TimeSpan elapsed, out long previous, out long stamped)
    {
        if (TryStamp(exchange, nameof(exchange), TicksOf(window), ref clock, out previous, out stamped))
        {
            elapsed = previous == Never ? TimeSpan.MaxValue : Elapsed(previous, stamped);
            return true;
        }

        elapsed = Elapsed(previous, stamped);
        stamped = previous;
        return false;
    }

    /// <summary>
    /// The stamping step's common case, for the admission: the exchange's state found under the name as given (the
    /// canonical name a pipeline passes), the decision's clock this one's and its reading not before the last trade, the
    /// window passed, and one compare-and-swap. Stamps nothing otherwise (not found as given, another clock, a trade
    /// stamped after the reading, a fresh state after a reclaim that came after the reading, a retired state, the window
    /// not passed, a lost race): the caller then takes the full step (<see cref="TryStamp"/>), which also says why a
    /// trade is refused.
    /// </summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="window">The cooldown in force, in this clock's timestamp ticks.</param>
    /// <param name="clock">The decision's clock: the stamp is its reading.</param>
    /// <param name="last">The stamp replaced, when stamped.</param>
    /// <returns>The stamp written (the decision's reading); <see cref="NotStamped"/> when nothing was stamped.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long TryStampQuickly(string exchange, long window, ref DecisionClock clock, out long last)
    {
        last = Never;
        if (_lastTrade.Find(exchange) is not { } box || !clock.Reads(_time))
        {
            return NotStamped;
        }

        var at = clock.GetTimestamp();
        last = Volatile.Read(ref box.Value);
        return last != Retired && (last == Never ? at >= Volatile.Read(ref _reclaimedAt) : at >= last && HasPassed(last, at, window)) &&
            Interlocked.CompareExchange(ref box.Value, at, last) == last
            ? at
            : NotStamped;
    }

    /// <summary>
    /// The stamping step on the clock's own timestamps: stamps the decision's reading when at least
    /// <paramref name="window"/> timestamp ticks (<see cref="TicksOf"/>) have passed since the last trade. The window is
    /// compared in ticks, so no time is converted unless the trade is refused. A name held as given (the canonical name
    /// a pipeline passes) is found without applying the <see cref="ExchangeName"/> rule.
    /// </summary>
    /// <param name="exchange">The exchange, under any spelling the <see cref="ExchangeName"/> rule accepts.</param>
    /// <param name="parameterName">The caller's parameter, named in the exception for a name the rule refuses.</param>
    /// <param name="window">The cooldown in force, in this clock's timestamp ticks; 0 lets every trade through.</param>
    /// <param name="clock">The decision's clock: the stamp is its reading.</param>
    /// <param name="last">The stamp found: the one replaced when stamped, the one that refused otherwise (never <see cref="Never"/> then).</param>
    /// <param name="at">The reading judged: the stamp written when stamped (never before <paramref name="last"/> unless the clock went back).</param>
    /// <returns>True when the trade was stamped.</returns>
    /// <exception cref="ArgumentException">The rule refuses the name; nothing was read or stamped.</exception>
    internal bool TryStamp(string exchange, string parameterName, long window, ref DecisionClock clock, out long last, out long at)
    {
        // The table holds canonical names only: a name found as given is canonical and needs no rule applied.
        var box = _lastTrade.Find(exchange);
        if (box is null)
        {
            exchange = ExchangeName.Parse(exchange, parameterName).Value;
            box = Box(exchange);
        }

        var timestamp = Now(ref clock);
        while (true)
        {
            last = Volatile.Read(ref box.Value);
            if (last == Retired)
            {
                // Freed by ReclaimIdle after this thread found it (as given or not): help remove it, and stamp the
                // exchange's fresh state.
                _lastTrade.TryRemove(exchange, box);
                box = Box(exchange);
                continue;
            }

            if (last == Never ? timestamp < Volatile.Read(ref _reclaimedAt) : last > timestamp)
            {
                // Another thread traded after this decision read the clock, or a reclaim after that reading forgot the
                // last trade: measure from a fresh reading, so the stamp never moves back and the window is judged
                // against the other trade (a forgotten one is at least the longest window before the reclaim).
                timestamp = _time.GetTimestamp();
            }

            at = timestamp;
            if (last != Never && !HasPassed(last, timestamp, window))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref box.Value, timestamp, last) == last)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// <paramref name="window"/> in this clock's timestamp ticks, rounded up: the fewest ticks whose elapsed time
    /// (<see cref="TimeProvider.GetElapsedTime(long, long)"/>, in whole <see cref="TimeSpan"/> ticks) reaches the window,
    /// so "ticks since the last trade &gt;= this" is "elapsed &gt;= window". 0 for a window of zero or less.
    /// </summary>
    /// <param name="window">A cooldown.</param>
    /// <returns>The window in timestamp ticks, at most <see cref="long.MaxValue"/>.</returns>
    internal long TicksOf(TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            return 0;
        }

        var ticks = ((UInt128)(ulong)window.Ticks * (ulong)_frequency + (TimeSpan.TicksPerSecond - 1)) / TimeSpan.TicksPerSecond;
        return ticks > long.MaxValue ? long.MaxValue : (long)ticks;
    }

    /// <summary>
    /// Time from a trade to a reading, never negative: a trade another thread stamped after this decision read the
    /// clock happened "now" as far as this decision can tell (0 s), not in its future.
    /// </summary>
    /// <param name="last">The trade's stamp.</param>
    /// <param name="timestamp">The reading.</param>
    /// <returns>The elapsed time, zero or more.</returns>
    internal TimeSpan Elapsed(long last, long timestamp)
    {
        var elapsed = _time.GetElapsedTime(last, timestamp);
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    /// <summary>True when at least <paramref name="window"/> ticks separate the trade from the reading; a reading before the trade is 0 ticks after it.</summary>
    /// <param name="last">The trade's stamp.</param>
    /// <param name="timestamp">The reading.</param>
    /// <param name="window">A window in ticks (<see cref="TicksOf"/>), zero or more.</param>
    /// <returns>True when the window has passed.</returns>
    /// <remarks>
    /// Judged on the wrapping difference, as <see cref="TimeProvider.GetElapsedTime(long, long)"/> measures it: a clock
    /// whose timestamp passes <see cref="long.MaxValue"/> and wraps is still read forward (the window passes when the
    /// refusal's own figure says it has), and one stepped back across the wrap is still read backward. Comparing the
    /// raw values instead refused every trade after the wrap for good ("301 s since the last trade, the cooldown in
    /// force is 300 s") and let a trade through a step back across it. The same subtraction and test as before.
    /// </remarks>
    internal static bool HasPassed(long last, long timestamp, long window) =>
        unchecked(timestamp - last) is var ticks && ticks > 0 ? (ulong)ticks >= (ulong)window : window == 0;

    /// <summary>Forgets every exchange's last trade (a new session).</summary>
    public void Reset()
    {
        foreach (var box in _lastTrade.Values)
        {
            var last = Volatile.Read(ref box.Value);
            while (last != Retired && Interlocked.CompareExchange(ref box.Value, Never, last) is var seen && seen != last)
            {
                last = seen;
            }
        }
    }

    /// <summary>The decision's reading when its clock is this one; this clock's own reading otherwise.</summary>
    private long Now(ref DecisionClock clock) => clock.Reads(_time) ? clock.GetTimestamp() : _time.GetTimestamp();

    /// <summary>
    /// Frees the state of every exchange whose last trade is at least <paramref name="longestWindow"/> old (or that
    /// never traded): it then decides exactly as an exchange never seen. Safe while other threads trade.
    /// </summary>
    /// <param name="longestWindow">The longest cooldown any caller passes (for a pipeline, the longer of its two cooldowns).</param>
    /// <returns>How many exchanges were freed.</returns>
    public int ReclaimIdle(TimeSpan longestWindow) => ReclaimIdleExcept(longestWindow, keep: null);

    /// <summary>As <see cref="ReclaimIdle(TimeSpan)"/>, leaving the exchanges <paramref name="keep"/> holds as they are.</summary>
    /// <param name="longestWindow">The longest cooldown any caller passes.</param>
    /// <param name="keep">Canonical names never freed (the declared exchanges); null frees any idle exchange.</param>
    /// <returns>How many exchanges were freed.</returns>
    internal int ReclaimIdleExcept(TimeSpan longestWindow, IReadOnlySet<string>? keep)
    {
        var now = _time.GetTimestamp();
        AtomicMaximum.Raise(ref _reclaimedAt, now);
        return _lastTrade.Reclaim(keep, (_, box) =>
        {
            var last = Volatile.Read(ref box.Value);
            var idle = last == Retired || last == Never || (last <= now && _time.GetElapsedTime(last, now) >= longestWindow);
            return idle && (last == Retired || Interlocked.CompareExchange(ref box.Value, Retired, last) == last);
        });
    }

    /// <summary>How many exchanges hold state: they traded since they were last freed.</summary>
    internal int Count => _lastTrade.Count;

    /// <summary>The last trade of an exchange under any spelling the <see cref="ExchangeName"/> rule accepts; none for a name it refuses.</summary>
    private long LastTrade(string exchange)
    {
        if (_lastTrade.FindSpelled(exchange) is not { } box)
        {
            return Never;
        }

        var last = Volatile.Read(ref box.Value);
        return last == Retired ? Never : last;
    }

    /// <summary>The state of an exchange, by its canonical name (the public members canonicalise first).</summary>
    private StrongBox<long> Box(string canonical) => _lastTrade.GetOrAdd(canonical, static (_, _) => new StrongBox<long>(Never), 0);
}
