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
    /// <summary>The intent check every pipeline runs first (<see cref="Gates.IntentGate"/>): the intent with its exchange canonical, or why it is refused.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent as the app built it.</param>
    /// <param name="accepted">The intent the declared gates decide on.</param>
    /// <returns>Pass, or the refusal.</returns>
    public static Gates.GateVerdict Screen(RiskContext context, in TradeIntent intent, out TradeIntent accepted) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Intake.Screen(in intent, out accepted);

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
