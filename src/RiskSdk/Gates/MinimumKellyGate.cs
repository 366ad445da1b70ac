using System;

namespace RiskSdk.Gates;

/// <summary>Refuses a signal whose Kelly fraction is below <see cref="RiskSettings.MinKellyFraction"/>; NaN never passes. Exits pass.</summary>
public sealed class MinimumKellyGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "MinKelly";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public MinimumKellyGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var minimum = _context.Settings.MinKellyFraction;
        return intent.ReducesExposure || intent.KellyFraction >= minimum
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.KellyTooLow, intent.KellyFraction, minimum);
    }
}
