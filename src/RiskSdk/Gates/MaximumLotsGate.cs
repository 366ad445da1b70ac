using System;

namespace RiskSdk.Gates;

/// <summary>Refuses an order of fewer than one or more than <see cref="RiskSettings.MaxLotsPerOrder"/> lots, exits included (the exchange's freeze limit applies to every order).</summary>
public sealed class MaximumLotsGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "MaxLots";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public MaximumLotsGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var maximum = _context.Settings.MaxLotsPerOrder;
        return intent.Lots >= 1 && intent.Lots <= maximum
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.LotsAboveMaximum, intent.Lots, maximum);
    }
}
