using System;
using System.Runtime.CompilerServices;
using System.Threading;
using RiskSdk.Positions;

namespace RiskSdk.Gates;

/// <summary>
/// The time of each exchange's last trade, on the monotonic clock (a wall-clock change never opens or extends a
/// window). Stamping is a compare-and-swap, so two threads can never both start trading inside one window.
/// </summary>
/// <remarks>
/// The overloads that take a <c>timestamp</c> let a pipeline read the clock once per decision and share the reading
/// between its gates; the timestamp must come from the same <see cref="TimeProvider"/>'s
/// <see cref="TimeProvider.GetTimestamp"/>.
/// </remarks>
public sealed class CooldownClock
{
    private const long Never = long.MinValue;
    private readonly ScopeTable<StrongBox<long>> _lastTrade = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a clock with no trades.</summary>
    /// <param name="timeProvider">The clock; only its monotonic timestamps are used.</param>
    public CooldownClock(TimeProvider timeProvider) => _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>Time since the exchange's last trade; null when it has not traded.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The elapsed time, or null.</returns>
    public TimeSpan? SinceLastTrade(string exchange)
    {
        var last = LastTrade(exchange);
        return last == Never ? null : _time.GetElapsedTime(last);
    }

    /// <summary>Time from the exchange's last trade to <paramref name="timestamp"/>; null when it has not traded.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="timestamp">Now, read once for the decision from the clock's <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <returns>The elapsed time, or null.</returns>
    public TimeSpan? SinceLastTrade(string exchange, long timestamp)
    {
        var last = LastTrade(exchange);
        return last == Never ? null : _time.GetElapsedTime(last, timestamp);
    }

    /// <summary>Records a trade now, whatever the window (for trades placed outside a pipeline).</summary>
    /// <param name="exchange">The exchange.</param>
    public void RecordTrade(string exchange) => Volatile.Write(ref Box(exchange).Value, _time.GetTimestamp());

    /// <summary>Records a trade now only when at least <paramref name="window"/> has passed since the last one; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="window">The cooldown in force.</param>
    /// <param name="elapsed">Time since the last trade (<see cref="TimeSpan.MaxValue"/> when none) as seen by the attempt.</param>
    /// <returns>True when the trade was recorded; false when the window has not passed.</returns>
    public bool TryRecordTrade(string exchange, TimeSpan window, out TimeSpan elapsed) =>
        TryRecordTrade(exchange, window, _time.GetTimestamp(), out elapsed);

    /// <summary>Records a trade at <paramref name="timestamp"/> only when at least <paramref name="window"/> has passed since the last one; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="window">The cooldown in force.</param>
    /// <param name="timestamp">Now, read once for the decision from the clock's <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <param name="elapsed">Time since the last trade (<see cref="TimeSpan.MaxValue"/> when none) as seen by the attempt.</param>
    /// <returns>True when the trade was recorded; false when the window has not passed.</returns>
    public bool TryRecordTrade(string exchange, TimeSpan window, long timestamp, out TimeSpan elapsed)
    {
        var box = Box(exchange);
        while (true)
        {
            var last = Volatile.Read(ref box.Value);
            if (last != Never && last > timestamp)
            {
                // Another thread traded after this decision read the clock: measure from a fresh reading, so the
                // stamp never moves back and the window is judged against the other trade.
                timestamp = _time.GetTimestamp();
            }

            elapsed = last == Never ? TimeSpan.MaxValue : _time.GetElapsedTime(last, timestamp);
            if (elapsed < window)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref box.Value, timestamp, last) == last)
            {
                return true;
            }
        }
    }

    /// <summary>Forgets every exchange's last trade (a new session).</summary>
    public void Reset()
    {
        foreach (var box in _lastTrade.Values)
        {
            Volatile.Write(ref box.Value, Never);
        }
    }

    private long LastTrade(string exchange) =>
        _lastTrade.TryGetValue(exchange, out var box) ? Volatile.Read(ref box.Value) : Never;

    private StrongBox<long> Box(string exchange) => _lastTrade.GetOrAdd(exchange, static (_, _) => new StrongBox<long>(Never), 0);
}
