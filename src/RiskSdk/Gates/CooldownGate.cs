using System;

namespace RiskSdk;

/// <summary>Refuses a new position until the cooldown since the exchange's last trade has passed: <see cref="RiskSettings.CooldownWithPositions"/> while it holds open or pending positions, <see cref="RiskSettings.SignalCooldown"/> while flat. Exits pass. The trade is stamped atomically when admitted.</summary>
public sealed class CooldownGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "Cooldown";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public CooldownGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        if (intent.ReducesExposure || _context.Cooldowns.SinceLastTrade(intent.Exchange) is not { } elapsed)
        {
            return GateVerdict.Pass(GateName);
        }

        var window = _context.CooldownFor(_context.Book.GetCounts(intent.Exchange).Total);
        return elapsed >= window
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed.TotalSeconds, window.TotalSeconds);
    }

    /// <summary>Records the trade when the window in force has passed, atomically; called when the trade is admitted.</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="positionsBefore">Open plus pending positions before this trade took its slot; they choose the window.</param>
    /// <returns>Pass, or a rejection when another thread traded inside the window first.</returns>
    public GateVerdict TryStamp(in TradeIntent intent, int positionsBefore)
    {
        var window = _context.CooldownFor(positionsBefore);
        if (_context.Cooldowns.TryRecordTrade(intent.Exchange, window, out var elapsed))
        {
            RiskLog.CooldownStarted(_context.Logger, intent.Exchange, _context.Settings.CooldownWithPositions.TotalSeconds, withPositions: true);
            return GateVerdict.Pass(GateName);
        }

        return GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed.TotalSeconds, window.TotalSeconds);
    }
}
