using System;
using System.ComponentModel;

namespace RiskSdk.Generated;

/// <summary>
/// Turns a gate's refusal or exception into a logged, counted <see cref="RiskDecision"/>. Called by generated
/// pipelines; applications hold a pipeline and read its decisions instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PipelineDecisions
{
    /// <summary>A rejection: logged, counted under its reason, returned as the decision.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent refused.</param>
    /// <param name="verdict">The rejecting verdict.</param>
    /// <returns>The rejected decision.</returns>
    public static RiskDecision Reject(RiskContext context, in TradeIntent intent, in Gates.GateVerdict verdict) =>
        context.Reject(in intent, in verdict);

    /// <summary>A gate's exception as a <see cref="RejectionReason.GateFault"/> decision (fail closed), the exception logged.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent being evaluated.</param>
    /// <param name="gate">The gate that threw.</param>
    /// <param name="exception">What it threw.</param>
    /// <returns>The rejected decision.</returns>
    public static RiskDecision Fault(RiskContext context, in TradeIntent intent, string gate, Exception exception) =>
        context.Fault(in intent, gate, exception);
}
