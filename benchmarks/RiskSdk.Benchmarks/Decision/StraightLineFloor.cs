using System;
using System.Diagnostics;
using System.Threading;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// The floor: the cheapest code that makes the same decision as the seed's gates for one exchange. Settings are
/// copied into plain fields, the checks run straight down one method, the open-position slot is an
/// <see cref="Interlocked"/> counter, the cooldown a compare-and-swap on one timestamp, and the order rate a
/// fixed one-second window packed into one <see langword="long"/> (cheaper than the runtime's sliding window).
/// No logging, no metrics, no per-exchange lookup, no reason text. It reads the same accelerated clock as the
/// runtime in the benchmark, straight from <see cref="Stopwatch"/>. Like the runtime, it first refuses an unusable
/// exchange name and model outputs outside their range (the runtime's intent check); exits are not verified against
/// positions (the floor keeps no position ids, and the benchmark sends no exits).
/// </summary>
public sealed class StraightLineFloor
{
    private const long NeverTraded = long.MinValue;
    private const int CountBits = 24;
    private const long CountMask = (1L << CountBits) - 1;
    private const long WindowMask = (1L << (64 - CountBits - 1)) - 1;

    private readonly double _minConfidence;
    private readonly double _minKelly;
    private readonly int _maxLots;
    private readonly double _maxNetDelta;
    private readonly bool _netDeltaOn;
    private readonly double _drawdownStop;
    private readonly bool _drawdownOn;
    private readonly int _maxOpen;
    private readonly int _maxOpenHigh;
    private readonly double _highConfidence;
    private readonly double _highVolatilityScale;
    private readonly long _cooldownWithPositions;
    private readonly long _signalCooldown;
    private readonly long _oneSecond;
    private readonly int _maxOrdersPerSecond;

    private volatile bool _halted;
    private volatile bool _drawdownLatched;
    private double _netDelta;
    private double _sessionPnl;
    private int _held;
    private long _lastTrade = NeverTraded;
    private long _rateWindow;

    /// <summary>Copies the settings into fields.</summary>
    /// <param name="settings">The same settings the runtime pipeline is given.</param>
    /// <param name="timestampFrequency">Timestamp ticks per (virtual) second of the clock the floor reads.</param>
    public StraightLineFloor(RiskSettings settings, long timestampFrequency)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _halted = !settings.AutoExecEnabled;
        _minConfidence = settings.MinConfidence;
        _minKelly = settings.MinKellyFraction;
        _maxLots = settings.MaxLotsPerOrder;
        _netDeltaOn = settings.MaxNetDelta.HasValue;
        _maxNetDelta = settings.MaxNetDelta.GetValueOrDefault();
        _drawdownOn = settings.SessionDrawdownStop.HasValue;
        _drawdownStop = settings.SessionDrawdownStop.GetValueOrDefault();
        _maxOpen = settings.MaxOpenPositions;
        _maxOpenHigh = settings.MaxOpenPositionsHighConfidence;
        _highConfidence = settings.HighConfidenceThreshold;
        _highVolatilityScale = settings.HighVolatilityScale;
        _oneSecond = timestampFrequency;
        _cooldownWithPositions = (long)(settings.CooldownWithPositions.TotalSeconds * timestampFrequency);
        _signalCooldown = (long)(settings.SignalCooldown.TotalSeconds * timestampFrequency);
        _maxOrdersPerSecond = settings.MaxOrdersPerSecond;
    }

    /// <summary>Open plus pending positions.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Sets the portfolio's net delta, as the app reports it.</summary>
    /// <param name="netDelta">The net delta.</param>
    public void ReportNetDelta(double netDelta) => Volatile.Write(ref _netDelta, netDelta);

    /// <summary>Sets the session P&amp;L, as the app reports it.</summary>
    /// <param name="pnl">The session P&amp;L (negative for a loss).</param>
    public void ReportSessionPnl(double pnl) => Volatile.Write(ref _sessionPnl, pnl);

    /// <summary>Decides one trade; an approval holds one slot until <see cref="Release"/> or <see cref="Close"/>.</summary>
    /// <param name="intent">The trade.</param>
    /// <returns>The decision.</returns>
    public FloorDecision Evaluate(in TradeIntent intent)
    {
        if (!ExchangeName.TryParse(intent.Exchange, out _))
        {
            return new FloorDecision(RejectionReason.InvalidExchange);
        }

        if (!(intent.Confidence >= 0 && intent.Confidence <= 1) || !(intent.KellyFraction >= 0 && intent.KellyFraction <= 1) ||
            intent.Lots < 1 || !double.IsFinite(intent.Delta) || (uint)intent.Side > 1 || (uint)intent.Regime > 1)
        {
            return new FloorDecision(RejectionReason.InvalidIntent);
        }

        var opening = !intent.ReducesExposure;
        if (opening && _halted)
        {
            return new FloorDecision(RejectionReason.TradingHalted);
        }

        if (opening && !(intent.Confidence >= _minConfidence))
        {
            return new FloorDecision(RejectionReason.ConfidenceTooLow);
        }

        if (opening && !(intent.KellyFraction >= _minKelly))
        {
            return new FloorDecision(RejectionReason.KellyTooLow);
        }

        if (intent.Lots < 1 || intent.Lots > _maxLots)
        {
            return new FloorDecision(RejectionReason.LotsAboveMaximum);
        }

        if (_netDeltaOn)
        {
            var current = Volatile.Read(ref _netDelta);
            var after = current + intent.Delta;
            if (!(Math.Abs(after) <= _maxNetDelta || Math.Abs(after) < Math.Abs(current)))
            {
                return new FloorDecision(RejectionReason.NetDeltaExceeded);
            }
        }

        if (opening && _drawdownOn && (_drawdownLatched || !(Volatile.Read(ref _sessionPnl) > -_drawdownStop)))
        {
            _drawdownLatched = true;
            return new FloorDecision(RejectionReason.SessionDrawdownStop);
        }

        var now = Stopwatch.GetTimestamp();
        if (!opening)
        {
            return TakeOrder(now) ? new FloorDecision(RejectionReason.None) : new FloorDecision(RejectionReason.OrderRateExceeded);
        }

        var high = intent.Confidence >= _highConfidence;
        var cap = high ? _maxOpenHigh : _maxOpen;
        if (intent.Regime == MarketRegime.HighVolatility)
        {
            cap = (int)Math.Floor(cap * _highVolatilityScale);
        }

        cap = Math.Clamp(cap, 0, _maxOpenHigh);
        int before;
        do
        {
            before = Volatile.Read(ref _held);
            if (before >= cap)
            {
                return new FloorDecision(RejectionReason.PositionLimitReached);
            }
        }
        while (Interlocked.CompareExchange(ref _held, before + 1, before) != before);

        var window = before > 0 ? _cooldownWithPositions : _signalCooldown;
        long last;
        do
        {
            last = Volatile.Read(ref _lastTrade);
            if (last != NeverTraded && now - last < window)
            {
                Interlocked.Decrement(ref _held);
                return new FloorDecision(RejectionReason.CooldownActive);
            }
        }
        while (Interlocked.CompareExchange(ref _lastTrade, now, last) != last);

        if (!TakeOrder(now))
        {
            Interlocked.Decrement(ref _held);
            return new FloorDecision(RejectionReason.OrderRateExceeded);
        }

        return new FloorDecision(RejectionReason.None);
    }

    /// <summary>Gives an approved trade's slot back (the order did not fill).</summary>
    public void Release() => Interlocked.Decrement(ref _held);

    /// <summary>Frees the slot of a position that was closed.</summary>
    public void Close() => Interlocked.Decrement(ref _held);

    /// <summary>Counts an order in the current one-second window unless the window is full. The state is the
    /// window's number (low bits) above the count, swapped atomically.</summary>
    private bool TakeOrder(long now)
    {
        var window = (now / _oneSecond) & WindowMask;
        while (true)
        {
            var state = Volatile.Read(ref _rateWindow);
            var count = (state >> CountBits) == window ? state & CountMask : 0;
            if (count >= _maxOrdersPerSecond)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _rateWindow, (window << CountBits) | (count + 1), state) == state)
            {
                return true;
            }
        }
    }
}
