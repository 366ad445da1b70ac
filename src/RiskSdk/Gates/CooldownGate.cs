using System;
using RiskSdk.Monitoring;

namespace RiskSdk.Gates;

/// <summary>Refuses a new position until the cooldown since the exchange's last trade has passed: <see cref="RiskSettings.CooldownWithPositions"/> while it holds open or pending positions, <see cref="RiskSettings.SignalCooldown"/> while flat. Exits pass. The trade is stamped atomically when admitted.</summary>
public sealed class CooldownGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "Cooldown";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public CooldownGate(RiskContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent) =>
        intent.ReducesExposure || _context.Cooldowns.SinceLastTrade(intent.Exchange) is not { } elapsed
            ? GateVerdict.Pass(GateName)
            : Judge(in intent, elapsed);

    /// <summary>Checks the intent against the clock reading the pipeline took for this decision.</summary>
    /// <param name="intent">The intent.</param>
    /// <param name="timestamp">Now, read once for the decision from <see cref="RiskContext.Time"/>'s <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <returns>Pass, or <see cref="RejectionReason.CooldownActive"/> with the seconds since the last trade against the window.</returns>
    public GateVerdict Check(in TradeIntent intent, long timestamp) =>
        intent.ReducesExposure || _context.Cooldowns.SinceLastTrade(intent.Exchange, timestamp) is not { } elapsed
            ? GateVerdict.Pass(GateName)
            : Judge(in intent, elapsed);

    /// <summary>Records the trade when the window in force has passed, atomically; called when the trade is admitted.</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="positionsBefore">Open plus pending positions before this trade took its slot; they choose the window.</param>
    /// <returns>Pass, or a rejection when another thread traded inside the window first.</returns>
    public GateVerdict TryStamp(in TradeIntent intent, int positionsBefore) =>
        TryStamp(in intent, positionsBefore, _context.Time.GetTimestamp());

    /// <summary>Records the trade at the decision's clock reading when the window in force has passed, atomically; called when the trade is admitted.</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="positionsBefore">Open plus pending positions before this trade took its slot; they choose the window.</param>
    /// <param name="timestamp">Now, read once for the decision from <see cref="RiskContext.Time"/>'s <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <returns>Pass, or a rejection when another thread traded inside the window first.</returns>
    public GateVerdict TryStamp(in TradeIntent intent, int positionsBefore, long timestamp)
    {
        var window = _context.CooldownFor(positionsBefore);
        if (_context.Cooldowns.TryRecordTrade(intent.Exchange, window, timestamp, out var elapsed))
        {
            RiskLog.CooldownStarted(_context.Logger, intent.Exchange, _context.Settings.CooldownWithPositions.TotalSeconds, withPositions: true);
            return GateVerdict.Pass(GateName);
        }

        return GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed.TotalSeconds, window.TotalSeconds);
    }

    /// <summary>
    /// Judges the time since the last trade. Past the longer of the two windows the trade passes whatever the
    /// exchange holds, so the position book is read only when the answer depends on it.
    /// </summary>
    private GateVerdict Judge(in TradeIntent intent, TimeSpan elapsed)
    {
        // Read from the settings in force, so limits applied while running (RiskContext.ApplySettings) count at once.
        var settings = _context.Settings;
        if (elapsed >= settings.CooldownWithPositions && elapsed >= settings.SignalCooldown)
        {
            return GateVerdict.Pass(GateName);
        }

        var window = _context.CooldownFor(_context.Book.GetCounts(intent.Exchange).Total);
        return elapsed >= window
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed.TotalSeconds, window.TotalSeconds);
    }
}
