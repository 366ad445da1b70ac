using System;
using System.Collections.Generic;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>
/// The seed's old auto-executor, kept for the <c>--no-gates</c> baseline: the confidence, Kelly and lot checks and the
/// kill switch, a cooldown that only looks at the clock (the signal cooldown, whatever is open), no position cap, and
/// its own dictionary of positions that assumes every approved order fills.
/// </summary>
internal sealed class LegacyExecutor : IAutoExecutor
{
    private readonly RiskSettings _settings;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _lastTrade = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _positions = new(StringComparer.Ordinal);
    private bool _enabled;

    /// <summary>Creates the executor.</summary>
    /// <param name="settings">The thresholds it shares with RiskSdk (it ignores the caps and the positions cooldown).</param>
    /// <param name="time">The clock.</param>
    public LegacyExecutor(RiskSettings settings, TimeProvider time)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _enabled = settings.AutoExecEnabled;
    }

    /// <inheritdoc/>
    public string Name => "no gates (old)";

    /// <inheritdoc/>
    public long? ExpiredReservations => null;

    /// <inheritdoc/>
    public int Held(string exchange) => Positions(exchange).Count;

    /// <inheritdoc/>
    public EntryDecision DecideEntry(TapeEvent signal)
    {
        var now = _time.GetUtcNow();
        var reason = !_enabled ? RejectionReason.TradingHalted
            : !(signal.Confidence >= _settings.MinConfidence) ? RejectionReason.ConfidenceTooLow
            : !(signal.KellyFraction >= _settings.MinKellyFraction) ? RejectionReason.KellyTooLow
            : signal.Lots < 1 || signal.Lots > _settings.MaxLotsPerOrder ? RejectionReason.LotsAboveMaximum
            : _lastTrade.TryGetValue(signal.Exchange, out var last) && now - last < _settings.SignalCooldown ? RejectionReason.CooldownActive
            : RejectionReason.None;
        if (reason != RejectionReason.None)
        {
            return EntryDecision.Refused(reason, Name);
        }

        _lastTrade[signal.Exchange] = now;
        Positions(signal.Exchange).Add(signal.SignalId);
        return new EntryDecision(true, RejectionReason.None, signal.Confidence >= _settings.HighConfidenceThreshold, int.MaxValue, default);
    }

    /// <inheritdoc/>
    public void Filled(in EntryDecision decision, TapeEvent signal)
    {
    }

    /// <inheritdoc/>
    public void Failed(in EntryDecision decision, TapeEvent signal) => Positions(signal.Exchange).Remove(signal.SignalId);

    /// <inheritdoc/>
    public RejectionReason DecideExit(TapeEvent entry) => RejectionReason.None;

    /// <inheritdoc/>
    public void Closed(TapeEvent entry, TapeEvent exit) => Positions(entry.Exchange).Remove(entry.SignalId);

    /// <inheritdoc/>
    public void Halt() => _enabled = false;

    /// <inheritdoc/>
    public void Resume() => _enabled = true;

    /// <inheritdoc/>
    public void StartSession() => _lastTrade.Clear();

    private HashSet<string> Positions(string exchange)
    {
        if (!_positions.TryGetValue(exchange, out var positions))
        {
            positions = new HashSet<string>(StringComparer.Ordinal);
            _positions.Add(exchange, positions);
        }

        return positions;
    }
}
