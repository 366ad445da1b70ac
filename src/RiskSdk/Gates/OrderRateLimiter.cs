using System;
using System.Threading;
using RiskSdk.Positions;

namespace RiskSdk.Gates;

/// <summary>
/// Counts orders per exchange over a sliding one-second window (the exchange's algo-order threshold). Each
/// exchange keeps the timestamps of its last N orders in a ring, so a check costs no allocation, and whether one
/// more order fits is read from the ring's oldest stamp without taking its lock.
/// </summary>
/// <remarks>
/// The overloads that take a <c>timestamp</c> let a pipeline read the clock once per decision and share the reading
/// between its gates; the timestamp must come from the same <see cref="TimeProvider"/>'s
/// <see cref="TimeProvider.GetTimestamp"/>.
/// </remarks>
public sealed class OrderRateLimiter
{
    private readonly ScopeTable<Ring> _rings = new();
    private readonly TimeProvider _time;
    private readonly int _maxPerSecond;
    private readonly long _oneSecond;

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
        _oneSecond = _time.TimestampFrequency;
    }

    /// <summary>The most orders per exchange in any one-second window.</summary>
    public int MaxPerSecond => _maxPerSecond;

    /// <summary>Orders the exchange sent in the last second.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The count, at most <see cref="MaxPerSecond"/>.</returns>
    public int CountLastSecond(string exchange) => CountLastSecond(exchange, _time.GetTimestamp());

    /// <summary>Orders the exchange sent in the second before <paramref name="timestamp"/>.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="timestamp">Now, read once for the decision from the clock's <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <returns>The count, at most <see cref="MaxPerSecond"/>.</returns>
    public int CountLastSecond(string exchange, long timestamp)
    {
        if (!_rings.TryGetValue(exchange, out var ring))
        {
            return 0;
        }

        lock (ring)
        {
            return ring.CountSince(timestamp, _oneSecond);
        }
    }

    /// <summary>
    /// Whether one more order would fit at <paramref name="timestamp"/>, read without a lock: true when fewer than
    /// <see cref="MaxPerSecond"/> orders were ever sent, or the oldest of the last <see cref="MaxPerSecond"/> is a
    /// second old. False means "count exactly" (<see cref="CountLastSecond(string, long)"/>), not "refuse": an order
    /// being added at the same moment can make this answer false for an instant.
    /// </summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="timestamp">Now, read once for the decision from the clock's <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <returns>True when the allowance surely has room.</returns>
    public bool SurelyHasRoom(string exchange, long timestamp) =>
        !_rings.TryGetValue(exchange, out var ring) || ring.SurelyHasRoom(timestamp, _oneSecond);

    /// <summary>Takes one order from the exchange's allowance when it is not used up; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="count">Orders in the last second as seen by the attempt (before this one).</param>
    /// <returns>True when the order was counted; false when the limit was reached.</returns>
    public bool TryTake(string exchange, out int count) => TryTake(exchange, _time.GetTimestamp(), out count);

    /// <summary>Takes one order from the exchange's allowance at <paramref name="timestamp"/> when it is not used up; atomic.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="timestamp">Now, read once for the decision from the clock's <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <param name="count">Orders in the last second as seen by the attempt (before this one).</param>
    /// <returns>True when the order was counted; false when the limit was reached.</returns>
    public bool TryTake(string exchange, long timestamp, out int count)
    {
        var ring = _rings.GetOrAdd(exchange, static (_, size) => new Ring(size), _maxPerSecond);
        lock (ring)
        {
            // Another thread may have counted an order stamped after this decision read the clock; the ring stays
            // in time order, so this order is stamped no earlier than the newest.
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

    /// <summary>
    /// The timestamps of the last N orders, oldest at <c>_next</c> once full. Written under the ring's lock; the
    /// oldest stamp and the fill count are also read without it (see <see cref="SurelyHasRoom"/>).
    /// </summary>
    private sealed class Ring
    {
        private readonly long[] _stamps;
        private int _next;
        private int _filled;

        public Ring(int size) => _stamps = new long[size];

        /// <summary>The newest stamp, or <see cref="long.MinValue"/> when empty; read under the lock.</summary>
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

        public bool SurelyHasRoom(long now, long window)
        {
            if (Volatile.Read(ref _filled) < _stamps.Length)
            {
                return true;
            }

            var oldest = Volatile.Read(ref _stamps[Volatile.Read(ref _next)]);
            return now - oldest >= window;
        }
    }
}
