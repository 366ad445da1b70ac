using System;

namespace RiskSdk.Gates;

/// <summary>Stops new positions once the session loss reaches <see cref="RiskSettings.SessionDrawdownStop"/>; the stop latches until <see cref="RiskContext.ResetSession"/>. Exits pass. Off when the setting is null.</summary>
public sealed class SessionDrawdownGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "SessionDrawdown";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public SessionDrawdownGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        if (_context.Settings.SessionDrawdownStop is not { } stop || intent.ReducesExposure)
        {
            return GateVerdict.Pass(GateName);
        }

        var exposure = _context.Exposure;
        var pnl = exposure.SessionPnl;
        if (exposure.DrawdownLatched || !(pnl > -stop))
        {
            exposure.LatchDrawdown();
            return GateVerdict.Reject(GateName, RejectionReason.SessionDrawdownStop, pnl, stop);
        }

        return GateVerdict.Pass(GateName);
    }
}
