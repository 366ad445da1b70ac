using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using RiskSdk.Gates;

namespace RiskSdk.Generated;

/// <summary>
/// Turns a gate's refusal or exception into a logged, counted <see cref="RiskDecision"/>. Called by generated
/// pipelines; applications hold a pipeline and read its decisions instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PipelineDecisions
{
    /// <summary>The intent check every pipeline runs first (<see cref="IntentGate"/>): the intent with its exchange canonical, or why it is refused.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent as the app built it.</param>
    /// <param name="accepted">The intent the declared gates decide on.</param>
    /// <returns>Pass, or the refusal.</returns>
    public static GateVerdict Screen(RiskContext context, in TradeIntent intent, out TradeIntent accepted) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Intake.Screen(in intent, out accepted);

    /// <summary>The intent check every pipeline runs first (<see cref="IntentGate"/>): the canonical exchange, or why the intent is refused.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent as the app built it.</param>
    /// <param name="exchange">The canonical exchange (the intent's own string when it already was), or <c>(invalid)</c>.</param>
    /// <returns>Pass, or the refusal.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict Accept(RiskContext context, in TradeIntent intent, out string exchange) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Intake.Accept(in intent, out exchange);

    /// <summary>
    /// Checks a timed gate through its role interface, so a gate that implements <see cref="ITimedGate"/> explicitly is
    /// called too. The call is constrained to <typeparamref name="TGate"/>: once inlined, the JIT calls the sealed
    /// gate's own method directly (and may inline it).
    /// </summary>
    /// <typeparam name="TGate">The gate's class.</typeparam>
    /// <param name="gate">The gate.</param>
    /// <param name="intent">The intent.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <returns>The gate's verdict.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict Check<TGate>(TGate gate, in TradeIntent intent, ref DecisionClock clock)
        where TGate : class, ITimedGate =>
        gate.Check(in intent, ref clock);

    /// <summary>
    /// Checks a timed struct gate through its role interface without boxing it: the call is constrained to
    /// <typeparamref name="TGate"/> and made on the pipeline's own copy, so a check that changes the gate keeps the change.
    /// </summary>
    /// <typeparam name="TGate">The gate's struct.</typeparam>
    /// <param name="gate">The pipeline's field holding the gate.</param>
    /// <param name="intent">The intent.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <returns>The gate's verdict.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict Check<TGate>(ref TGate gate, in TradeIntent intent, ref DecisionClock clock)
        where TGate : struct, ITimedGate =>
        gate.Check(in intent, ref clock);

    /// <summary>
    /// Admits through the reserving gate's role interface, so a gate that implements <see cref="IReservingGate"/>
    /// explicitly is called too. The call is constrained to <typeparamref name="TGate"/>: once inlined, the JIT calls
    /// the sealed gate's own method directly.
    /// </summary>
    /// <typeparam name="TGate">The gate's class.</typeparam>
    /// <param name="gate">The reserving gate.</param>
    /// <param name="intent">The intent every check has passed.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="admitting">The pipeline's admitting gates, in declared order.</param>
    /// <returns>The decision.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RiskDecision Admit<TGate>(TGate gate, in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting)
        where TGate : class, IReservingGate =>
        gate.Admit(in intent, ref clock, admitting);

    /// <summary>
    /// Admits through a struct reserving gate's role interface without boxing it: the call is constrained to
    /// <typeparamref name="TGate"/> and made on the pipeline's own copy.
    /// </summary>
    /// <typeparam name="TGate">The gate's struct.</typeparam>
    /// <param name="gate">The pipeline's field holding the gate.</param>
    /// <param name="intent">The intent every check has passed.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="admitting">The pipeline's admitting gates, in declared order.</param>
    /// <returns>The decision.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RiskDecision Admit<TGate>(ref TGate gate, in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting)
        where TGate : struct, IReservingGate =>
        gate.Admit(in intent, ref clock, admitting);

    /// <summary>A rejection: logged, counted under its reason, returned as the decision.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent refused.</param>
    /// <param name="verdict">The rejecting verdict.</param>
    /// <returns>The rejected decision.</returns>
    /// <remarks>
    /// The verdict is taken by value: a generated pipeline holds each gate's verdict in one local, and a local whose
    /// address is taken (an <see langword="in"/> argument) lives in memory, so every passing gate would store its verdict
    /// to the stack and read it back. Taken by value, the local stays in registers and a passing gate costs its own test;
    /// only a refusal copies the verdict.
    /// </remarks>
    public static RiskDecision Reject(RiskContext context, in TradeIntent intent, GateVerdict verdict) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Reject(in intent, in verdict);

    /// <summary>A gate's exception as a <see cref="RejectionReason.GateFault"/> decision (fail closed), the exception logged.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent being evaluated.</param>
    /// <param name="gate">The gate that threw.</param>
    /// <param name="exception">What it threw.</param>
    /// <returns>The rejected decision.</returns>
    public static RiskDecision Fault(RiskContext context, in TradeIntent intent, string gate, Exception exception) =>
        context.Fault(in intent, gate, exception);
}
