using System;
using System.Collections.Concurrent;

namespace RiskSdk;

/// <summary>
/// Counts orders per exchange over a sliding one-second window (the exchange's algo-order threshold). Each
/// exchange keeps the timestamps of its last N orders in a ring, so a check costs no allocation.
/// </summary>
public sealed class OrderRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Ring> _rings = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _maxPerSecond;

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
    }

    /// <summary>The most orders per exchange in any one-second window.</summary>
    public int MaxPerSecond => _maxPerSecond;

    /// <summary>Orders the exchange sent in the last second.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The count, at most <see cref="MaxPerSecond"/>.</returns>
    public int CountLastSecond(string exchange)
    {
        if (!_rings.TryGetValue(exchange, out var ring))
        {
            return 0;
        }

        lock (ring)
        {
            return ring.CountSince(_time, _time.GetTimestamp());
        }
    }

    /// <summary>Takes one order from the exchange's allowance when it is not used up; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="count">Orders in the last second as seen by the attempt (before this one).</param>
    /// <returns>True when the order was counted; false when the limit was reached.</returns>
    public bool TryTake(string exchange, out int count)
    {
        var ring = _rings.GetOrAdd(exchange, static (_, size) => new Ring(size), _maxPerSecond);
        lock (ring)
        {
            var now = _time.GetTimestamp();
            count = ring.CountSince(_time, now);
            if (count >= _maxPerSecond)
            {
                return false;
            }

            ring.Add(now);
            return true;
        }
    }

    /// <summary>The timestamps of the last N orders, oldest first from <c>_next</c>.</summary>
    private sealed class Ring
    {
        private readonly long[] _stamps;
        private int _next;
        private int _filled;

        public Ring(int size) => _stamps = new long[size];

        public void Add(long timestamp)
        {
            _stamps[_next] = timestamp;
            _next = (_next + 1) % _stamps.Length;
            if (_filled < _stamps.Length)
            {
                _filled++;
            }
        }

        public int CountSince(TimeProvider time, long now)
        {
            var count = 0;
            for (var i = 1; i <= _filled; i++)
            {
                var stamp = _stamps[(_next - i + _stamps.Length) % _stamps.Length];
                if (time.GetElapsedTime(stamp, now) >= Window)
                {
                    break;
                }

                count++;
            }

            return count;
        }
    }
}
