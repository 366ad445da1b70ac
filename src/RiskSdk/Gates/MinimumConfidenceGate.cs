using System;

namespace RiskSdk.Gates;

/// <summary>Refuses a signal whose confidence is below <see cref="RiskSettings.MinConfidence"/>; NaN never passes. Exits pass.</summary>
public sealed class MinimumConfidenceGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "MinConfidence";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public MinimumConfidenceGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var minimum = _context.Settings.MinConfidence;
        return intent.ReducesExposure || intent.Confidence >= minimum
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.ConfidenceTooLow, intent.Confidence, minimum);
    }
}
