using System;

namespace RiskSdk.Gates;

/// <summary>Stops new positions once the session loss reaches <see cref="RiskSettings.SessionDrawdownStop"/>; the stop latches until <see cref="RiskContext.ResetSession"/>. A P&amp;L that is not a finite number refuses entries without latching. Exits pass. Off when the setting is null.</summary>
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
        if (!exposure.DrawdownLatched && pnl > -stop && double.IsFinite(pnl))
        {
            return GateVerdict.Pass(GateName);
        }

        return Refuse(exposure, pnl, stop);
    }

    /// <summary>
    /// The refusal: the stop latched, or reached (which latches it). A P&amp;L that is not a finite number (NaN or
    /// infinite, from a bad price or a division by zero) is unknown, not a loss: the entry is refused while it lasts,
    /// with that figure, but the stop does not latch, so the next finite report decides again.
    /// </summary>
    private static GateVerdict Refuse(ExposureMonitor exposure, double pnl, double stop)
    {
        if (!exposure.DrawdownLatched && !double.IsFinite(pnl))
        {
            return GateVerdict.Reject(GateName, RejectionReason.SessionDrawdownStop, pnl, stop, UnknownPnlDetail);
        }

        exposure.LatchDrawdown();
        return GateVerdict.Reject(GateName, RejectionReason.SessionDrawdownStop, pnl, stop);
    }

    /// <summary>The detail of a refusal while the reported session P&amp;L is not a finite number.</summary>
    internal const string UnknownPnlDetail = "session P&L is not a finite number";
}
