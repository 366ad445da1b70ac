using System;
using System.Collections.Concurrent;
using System.Threading;

namespace RiskSdk.Benchmarks.OrderRate;

/// <summary>
/// The first wave's order-rate limiter, kept as the baseline: an exact sliding window that keeps the timestamps of
/// each exchange's last N orders in a ring of N longs, and counts the window by walking the ring back from the newest
/// stamp. Memory per exchange is 8 x N bytes; a refusal walks the N stamps of a full window.
/// </summary>
public sealed class RingOrderRateLimiter
{
    private readonly ConcurrentDictionary<string, Ring> _rings = new(StringComparer.Ordinal);
    private readonly int _maxPerSecond;
    private readonly long _oneSecond;

    /// <summary>Creates a limiter.</summary>
    /// <param name="maxPerSecond">The most orders per exchange in any one-second window.</param>
    /// <param name="timestampFrequency">Timestamp ticks per second.</param>
    public RingOrderRateLimiter(int maxPerSecond, long timestampFrequency)
    {
        _maxPerSecond = maxPerSecond;
        _oneSecond = timestampFrequency;
    }

    /// <summary>Takes one order at <paramref name="timestamp"/> when fewer than N were taken in the second before it.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="timestamp">Now.</param>
    /// <param name="count">Orders in the last second before this one.</param>
    /// <returns>True when the order was counted.</returns>
    public bool TryTake(string exchange, long timestamp, out int count)
    {
        var ring = _rings.GetOrAdd(exchange, static (_, size) => new Ring(size), _maxPerSecond);
        lock (ring)
        {
            timestamp = Math.Max(timestamp, ring.Newest);
            count = ring.CountSince(timestamp, _oneSecond);
            if (count >= _maxPerSecond)
            {
                return false;
            }

            ring.Add(timestamp);
            return true;
        }
    }

    private sealed class Ring
    {
        private readonly long[] _stamps;
        private int _next;
        private int _filled;

        public Ring(int size) => _stamps = new long[size];

        public long Newest => _filled == 0 ? long.MinValue : _stamps[(_next - 1 + _stamps.Length) % _stamps.Length];

        public void Add(long timestamp)
        {
            Volatile.Write(ref _stamps[_next], timestamp);
            Volatile.Write(ref _next, (_next + 1) % _stamps.Length);
            if (_filled < _stamps.Length)
            {
                Volatile.Write(ref _filled, _filled + 1);
            }
        }

        public int CountSince(long now, long window)
        {
            var count = 0;
            for (var i = 1; i <= _filled; i++)
            {
                var stamp = _stamps[(_next - i + _stamps.Length) % _stamps.Length];
                if (now - stamp >= window)
                {
                    break;
                }

                count++;
            }

            return count;
        }
    }
}
