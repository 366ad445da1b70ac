using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;

namespace RiskSdk;

/// <summary>
/// The time of each exchange's last trade, on the monotonic clock (a wall-clock change never opens or extends a
/// window). Stamping is a compare-and-swap, so two threads can never both start trading inside one window.
/// </summary>
public sealed class CooldownClock
{
    private const long Never = long.MinValue;
    private readonly ConcurrentDictionary<string, StrongBox<long>> _lastTrade = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates a clock with no trades.</summary>
    /// <param name="timeProvider">The clock; only its monotonic timestamps are used.</param>
    public CooldownClock(TimeProvider timeProvider) => _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>Time since the exchange's last trade; null when it has not traded.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The elapsed time, or null.</returns>
    public TimeSpan? SinceLastTrade(string exchange)
    {
        var last = _lastTrade.TryGetValue(exchange, out var box) ? Volatile.Read(ref box.Value) : Never;
        return last == Never ? null : _time.GetElapsedTime(last);
    }

    /// <summary>Records a trade now, whatever the window (for trades placed outside a pipeline).</summary>
    /// <param name="exchange">The exchange.</param>
    public void RecordTrade(string exchange) => Volatile.Write(ref Box(exchange).Value, _time.GetTimestamp());

    /// <summary>Records a trade now only when at least <paramref name="window"/> has passed since the last one; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="window">The cooldown in force.</param>
    /// <param name="elapsed">Time since the last trade (<see cref="TimeSpan.MaxValue"/> when none) as seen by the attempt.</param>
    /// <returns>True when the trade was recorded; false when the window has not passed.</returns>
    public bool TryRecordTrade(string exchange, TimeSpan window, out TimeSpan elapsed)
    {
        var box = Box(exchange);
        while (true)
        {
            var last = Volatile.Read(ref box.Value);
            var now = _time.GetTimestamp();
            elapsed = last == Never ? TimeSpan.MaxValue : _time.GetElapsedTime(last, now);
            if (elapsed < window)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref box.Value, now, last) == last)
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

    private StrongBox<long> Box(string exchange) => _lastTrade.GetOrAdd(exchange, static _ => new StrongBox<long>(Never));
}
