using System;
using System.Runtime.CompilerServices;

namespace RiskSdk.Gates;

/// <summary>
/// Refuses every order that would open exposure unless trading is <see cref="TradingState.Active"/> and that state is
/// known (<see cref="RiskContext.TradingStateKnown"/>). Put it first: a halted system should not look further.
/// </summary>
/// <remarks>
/// An unknown shared state is refused by every pipeline, whether or not it lists this gate: the intent check that
/// runs first refuses each entry with <see cref="UnknownState"/>.
/// </remarks>
public sealed class KillSwitchGate : IHaltGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "KillSwitch";

    /// <summary>The detail of a refusal while the shared trading state is unknown.</summary>
    internal const string UnknownStateDetail = "shared trading state not confirmed by the ledger";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public KillSwitchGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public bool IsHalted => _context.Switch.State != TradingState.Active || !_context.TradingStateKnown;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var state = _context.Switch.State;
        if (intent.ReducesExposure)
        {
            return GateVerdict.Pass(GateName);
        }

        if (state != TradingState.Active)
        {
            return GateVerdict.Reject(GateName, RejectionReason.TradingHalted, (int)state, (int)TradingState.Active);
        }

        return _context.TradingStateKnown ? GateVerdict.Pass(GateName) : UnknownState(_context);
    }

    /// <summary>
    /// The kill switch's refusal of an entry while the shared trading state is unknown (<see cref="RiskContext.TradingStateKnown"/>
    /// false): <see cref="RejectionReason.LedgerUnavailable"/>, fail closed, since a halt made elsewhere may not have arrived.
    /// </summary>
    /// <param name="context">The context whose switch is asked.</param>
    /// <returns>The refusal: the state the switch holds against <see cref="TradingState.Active"/>.</returns>
    /// <remarks>Always inlined: returned from a call, the verdict would be a temporary of the pipeline's frame, zeroed on every decision.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static GateVerdict UnknownState(RiskContext context) =>
        GateVerdict.Reject(GateName, RejectionReason.LedgerUnavailable, (int)context.Switch.State, (int)TradingState.Active, UnknownStateDetail);
}
