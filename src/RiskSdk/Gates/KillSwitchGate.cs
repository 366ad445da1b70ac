using System;

namespace RiskSdk.Gates;

/// <summary>Refuses every order that would open exposure unless trading is <see cref="TradingState.Active"/>. Put it first: a halted system should not look further.</summary>
public sealed class KillSwitchGate : IHaltGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "KillSwitch";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public KillSwitchGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public bool IsHalted => _context.Switch.State != TradingState.Active;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var state = _context.Switch.State;
        return state == TradingState.Active || intent.ReducesExposure
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.TradingHalted, (int)state, (int)TradingState.Active);
    }
}
