using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using RiskSdk.Gates;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// The shape a .NET developer would write from the seed's plan: a list of rule objects, LINQ to find the first
/// failure, a formatted reason string, and one lock around dictionaries of positions, last trades and recent
/// orders. It makes the same decisions as the seed's gates; it is the comparison for the runtime and the floor.
/// </summary>
public sealed class NaiveRiskManager
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private readonly RiskSettings _settings;
    private readonly TimeProvider _time;
    private readonly List<NaiveRule> _rules;
    private readonly object _sync = new();
    private readonly Dictionary<string, List<NaivePosition>> _positions = new();
    private readonly Dictionary<string, long> _lastTrade = new();
    private readonly Dictionary<string, Queue<long>> _recentOrders = new();
    private bool _halted;
    private bool _drawdownLatched;
    private double _netDelta;
    private double _sessionPnl;
    private long _nextId;

    /// <summary>Creates the manager with the seed's rules.</summary>
    /// <param name="settings">The limits.</param>
    /// <param name="time">The clock.</param>
    public NaiveRiskManager(RiskSettings settings, TimeProvider time)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _halted = !settings.AutoExecEnabled;
        _rules = new List<NaiveRule>
        {
            new("Intent", t => ExchangeName.TryParse(t.Exchange, out _) && t.Confidence is >= 0 and <= 1 && t.KellyFraction is >= 0 and <= 1 && t.Lots >= 1 && double.IsFinite(t.Delta),
                t => string.Format(CultureInfo.InvariantCulture, "Intent on {0} is not usable (confidence {1}, Kelly {2}, {3} lots, delta {4})", t.Exchange, t.Confidence, t.KellyFraction, t.Lots, t.Delta)),
            new("KillSwitch", t => t.ReducesExposure || !_halted, t => "Auto-execution is disabled"),
            new("MinConfidence", t => t.ReducesExposure || t.Confidence >= _settings.MinConfidence,
                t => string.Format(CultureInfo.InvariantCulture, "Confidence {0:F2} is below the minimum {1:F2}", t.Confidence, _settings.MinConfidence)),
            new("MinKelly", t => t.ReducesExposure || t.KellyFraction >= _settings.MinKellyFraction,
                t => string.Format(CultureInfo.InvariantCulture, "Kelly fraction {0:F2} is below the minimum {1:F2}", t.KellyFraction, _settings.MinKellyFraction)),
            new("MaxLots", t => t.Lots >= 1 && t.Lots <= _settings.MaxLotsPerOrder,
                t => string.Format(CultureInfo.InvariantCulture, "{0} lots is outside 1 to {1}", t.Lots, _settings.MaxLotsPerOrder)),
            new("NetDelta", t => _settings.MaxNetDelta is not { } cap || Math.Abs(_netDelta + t.Delta) <= cap || Math.Abs(_netDelta + t.Delta) < Math.Abs(_netDelta),
                t => string.Format(CultureInfo.InvariantCulture, "Net delta would be {0:F1}, above the cap {1:F1}", _netDelta + t.Delta, _settings.MaxNetDelta)),
            new("Drawdown", t => t.ReducesExposure || _settings.SessionDrawdownStop is not { } stop || !(_drawdownLatched = _drawdownLatched || !(_sessionPnl > -stop)),
                t => string.Format(CultureInfo.InvariantCulture, "Session P&L {0:F0} reached the drawdown stop {1:F0}", _sessionPnl, _settings.SessionDrawdownStop)),
        };
    }

    /// <summary>Sets the portfolio's net delta.</summary>
    /// <param name="netDelta">The net delta.</param>
    public void ReportNetDelta(double netDelta)
    {
        lock (_sync)
        {
            _netDelta = netDelta;
        }
    }

    /// <summary>Sets the session P&amp;L.</summary>
    /// <param name="pnl">The session P&amp;L (negative for a loss).</param>
    public void ReportSessionPnl(double pnl)
    {
        lock (_sync)
        {
            _sessionPnl = pnl;
        }
    }

    /// <summary>Decides one trade.</summary>
    /// <param name="intent">The trade.</param>
    /// <returns>The decision; an approval holds a pending position until <see cref="Release"/>.</returns>
    public NaiveDecision Evaluate(TradeIntent intent)
    {
        var failed = _rules.FirstOrDefault(rule => !rule.Allows(intent));
        if (failed is not null)
        {
            return new NaiveDecision(false, $"{failed.Name}: {failed.Explain(intent)}", null);
        }

        lock (_sync)
        {
            var now = _time.GetTimestamp();
            if (!_recentOrders.TryGetValue(intent.Exchange, out var orders))
            {
                orders = new Queue<long>();
                _recentOrders[intent.Exchange] = orders;
            }

            while (orders.Count > 0 && _time.GetElapsedTime(orders.Peek(), now) >= OneSecond)
            {
                orders.Dequeue();
            }

            if (orders.Count >= _settings.MaxOrdersPerSecond)
            {
                return new NaiveDecision(false, string.Format(CultureInfo.InvariantCulture, "OrderRate: {0} orders on {1} in the last second (limit {2})", orders.Count, intent.Exchange, _settings.MaxOrdersPerSecond), null);
            }

            if (intent.ReducesExposure)
            {
                orders.Enqueue(now);
                return new NaiveDecision(true, "approved", null);
            }

            if (!_positions.TryGetValue(intent.Exchange, out var held))
            {
                held = new List<NaivePosition>();
                _positions[intent.Exchange] = held;
            }

            var cap = PositionCap.For(_settings, intent.Confidence, intent.Regime).Allowed;
            if (held.Count >= cap)
            {
                return new NaiveDecision(false, $"PositionLimit: {held.Count} positions open on {intent.Exchange}, the cap is {cap}", null);
            }

            if (_lastTrade.TryGetValue(intent.Exchange, out var last))
            {
                var elapsed = _time.GetElapsedTime(last, now);
                var window = held.Count > 0 ? _settings.CooldownWithPositions : _settings.SignalCooldown;
                if (elapsed < window)
                {
                    return new NaiveDecision(false, $"Cooldown: {elapsed.TotalSeconds:F1} s since the last trade on {intent.Exchange}, {window.TotalSeconds:F0} s required", null);
                }
            }

            _lastTrade[intent.Exchange] = now;
            orders.Enqueue(now);
            var position = new NaivePosition($"{intent.Exchange}-{Interlocked.Increment(ref _nextId)}", intent.Exchange, intent.Lots);
            held.Add(position);
            return new NaiveDecision(true, "approved", position);
        }
    }

    /// <summary>Removes a pending or open position (released, or closed).</summary>
    /// <param name="position">The position.</param>
    public void Release(NaivePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        lock (_sync)
        {
            _positions[position.Exchange].Remove(position);
        }
    }
}
