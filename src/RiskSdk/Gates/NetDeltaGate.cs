using System;

namespace RiskSdk.Gates;

/// <summary>Refuses an order after which the portfolio's absolute net delta would exceed <see cref="RiskSettings.MaxNetDelta"/>, unless it moves net delta toward zero; while the reported net delta is not a finite number every order is refused. Off when the setting is null.</summary>
public sealed class NetDeltaGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "NetDelta";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public NetDeltaGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        if (_context.Settings.MaxNetDelta is not { } cap)
        {
            return GateVerdict.Pass(GateName);
        }

        var current = _context.Exposure.NetDelta;
        var after = current + intent.Delta;
        return Math.Abs(after) <= cap || Math.Abs(after) < Math.Abs(current)
            ? GateVerdict.Pass(GateName)
            : Refuse(current, after, cap);
    }

    /// <summary>
    /// The refusal. A reported net delta that is not a finite number (NaN, infinite) is unknown: every order is refused
    /// while it lasts, reporting that figure and saying so, rather than an "after the order" figure computed from it.
    /// </summary>
    private static GateVerdict Refuse(double current, double after, double cap) =>
        double.IsFinite(current)
            ? GateVerdict.Reject(GateName, RejectionReason.NetDeltaExceeded, after, cap)
            : GateVerdict.Reject(GateName, RejectionReason.NetDeltaExceeded, current, cap, UnknownNetDeltaDetail);

    /// <summary>The detail of a refusal while the reported net delta is not a finite number.</summary>
    internal const string UnknownNetDeltaDetail = "reported net delta is not a finite number";
}
