using System.Collections.Generic;
using RiskSdk.Gates;

namespace RiskSdk;

/// <summary>
/// A pre-trade pipeline: what apps, hosting and the operator's side hold, whether it is a generated
/// <c>[GatePipeline]</c> class or the hand-assembled <see cref="RiskPipeline"/>. Both decide alike over the same gates.
/// </summary>
public interface IRiskPipeline
{
    /// <summary>The context the pipeline decides over: settings, position book, kill switch, clock, logger and metrics.</summary>
    RiskContext Context { get; }

    /// <summary>
    /// Decides one trade: the checks in declared order (the first refusal wins, nothing taken), then admission (the
    /// slot, then every admitting gate; a refusal or exception undoes all of it). A gate that throws refuses the trade
    /// with <see cref="RejectionReason.GateFault"/>. Never throws.
    /// </summary>
    /// <param name="intent">The trade.</param>
    /// <returns>Approved with its reservation (commit it on fill, release it otherwise), or rejected with the reason, gate and figures.</returns>
    [PositionLimitCheck]
    RiskDecision Evaluate(in TradeIntent intent);

    /// <summary>Runs every gate, the position limit included, without taking anything, and returns all verdicts in order.</summary>
    /// <param name="intent">The trade.</param>
    /// <returns>One verdict per gate; a gate that throws gives a <see cref="RejectionReason.GateFault"/> verdict.</returns>
    IReadOnlyList<GateVerdict> Explain(in TradeIntent intent);
}
