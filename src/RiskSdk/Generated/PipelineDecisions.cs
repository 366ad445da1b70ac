using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using RiskSdk.Gates;
using RiskSdk.Monitoring;

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

    /// <summary>
    /// The intent check's common case (<see cref="IntentGate"/>), in one inlined run of tests: true when the intent
    /// passes the whole check with its exchange as given (already canonical). False decides nothing: the pipeline then
    /// runs <see cref="Accept"/>, out of its common frame.
    /// </summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent as the app built it.</param>
    /// <returns>True when the intent passes as given.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AcceptsAsGiven(RiskContext context, in TradeIntent intent) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Intake.AcceptsAsGiven(in intent);

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

    /// <summary>
    /// Takes the slot through a staged reserving gate's role interface (the first step of a generated admission). The
    /// call is constrained to <typeparamref name="TGate"/>: once inlined, the JIT calls the sealed gate's own method.
    /// </summary>
    /// <typeparam name="TGate">The gate's class.</typeparam>
    /// <param name="gate">The reserving gate.</param>
    /// <param name="intent">The intent every check has passed.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="slot">The slot taken.</param>
    /// <param name="reservation">The reservation holding it.</param>
    /// <returns>Pass, or the refusal.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict Reserve<TGate>(TGate gate, in TradeIntent intent, ref DecisionClock clock, out AdmissionSlot slot, out Reservation reservation)
        where TGate : class, IStagedReservingGate =>
        gate.Reserve(in intent, ref clock, out slot, out reservation);

    /// <summary>Takes the slot through a struct staged reserving gate's role interface, without boxing it, on the pipeline's own copy.</summary>
    /// <typeparam name="TGate">The gate's struct.</typeparam>
    /// <param name="gate">The pipeline's field holding the gate.</param>
    /// <param name="intent">The intent every check has passed.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="slot">The slot taken.</param>
    /// <param name="reservation">The reservation holding it.</param>
    /// <returns>Pass, or the refusal.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict Reserve<TGate>(ref TGate gate, in TradeIntent intent, ref DecisionClock clock, out AdmissionSlot slot, out Reservation reservation)
        where TGate : struct, IStagedReservingGate =>
        gate.Reserve(in intent, ref clock, out slot, out reservation);

    /// <summary>Takes an admitting gate's state through its role interface, constrained to <typeparamref name="TGate"/> (a direct call on a sealed gate).</summary>
    /// <typeparam name="TGate">The gate's class.</typeparam>
    /// <param name="gate">The admitting gate.</param>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="slot">The slot the reserving gate took.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="receipt">What the gate took, for its undo.</param>
    /// <returns>Pass, or the refusal (the gate took nothing).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict TryTake<TGate>(TGate gate, in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt)
        where TGate : class, IAdmittingGate =>
        gate.TryTake(in intent, in slot, ref clock, out receipt);

    /// <summary>Tells an admitting gate that the trade was admitted and its state stands.</summary>
    /// <typeparam name="TGate">The gate's class.</typeparam>
    /// <param name="gate">The admitting gate.</param>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="receipt">What the gate took.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Admitted<TGate>(TGate gate, in TradeIntent intent, in AdmissionReceipt receipt)
        where TGate : class, IAdmittingGate =>
        gate.Admitted(in intent, in receipt);

    /// <summary>Tells a staged reserving gate that the trade was admitted, so it announces the approval.</summary>
    /// <typeparam name="TGate">The gate's class.</typeparam>
    /// <param name="gate">The reserving gate.</param>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="slot">The slot it took.</param>
    /// <param name="reservation">The reservation it returned.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Admitted<TGate>(TGate gate, in TradeIntent intent, in AdmissionSlot slot, in Reservation reservation)
        where TGate : class, IStagedReservingGate =>
        gate.Admitted(in intent, in slot, in reservation);

    /// <summary>Tells a struct staged reserving gate that the trade was admitted, on the pipeline's own copy.</summary>
    /// <typeparam name="TGate">The gate's struct.</typeparam>
    /// <param name="gate">The pipeline's field holding the gate.</param>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="slot">The slot it took.</param>
    /// <param name="reservation">The reservation it returned.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Admitted<TGate>(ref TGate gate, in TradeIntent intent, in AdmissionSlot slot, in Reservation reservation)
        where TGate : struct, IStagedReservingGate =>
        gate.Admitted(in intent, in slot, in reservation);

    /// <summary>
    /// Gives back what an admitting gate took, because a later step refused or threw. An exception is logged under the
    /// gate's name, not thrown: the refusal stands, and the other steps are still undone.
    /// </summary>
    /// <typeparam name="TGate">The gate's class.</typeparam>
    /// <param name="context">The pipeline's context (its logger).</param>
    /// <param name="gate">The admitting gate.</param>
    /// <param name="intent">The intent that was being admitted.</param>
    /// <param name="receipt">What the gate took.</param>
    public static void Undo<TGate>(RiskContext context, TGate gate, in TradeIntent intent, in AdmissionReceipt receipt)
        where TGate : class, IAdmittingGate
    {
        try
        {
            gate.Undo(in intent, in receipt);
        }
        catch (Exception exception)
        {
            RiskLog.GateFaulted(context.Logger, exception, NameOf(gate), intent.Exchange);
        }
    }

    /// <summary>
    /// Releases the slot of an admission that a later step refused or that threw. An exception is logged, not thrown:
    /// the slot then stays taken until the book's reservation timeout gives it back, and nothing is undone twice.
    /// </summary>
    /// <param name="context">The pipeline's context (its logger).</param>
    /// <param name="intent">The intent that was being admitted.</param>
    /// <param name="reservation">The reservation to release (nothing happens for an empty one).</param>
    /// <param name="name">The reserving gate's name, for the log.</param>
    public static void Release(RiskContext context, in TradeIntent intent, in Reservation reservation, string name)
    {
        try
        {
            reservation.Release();
        }
        catch (Exception exception)
        {
            RiskLog.GateFaulted(context.Logger, exception, name, intent.Exchange);
        }
    }

    /// <summary>The approval of an admitted trade: its reservation, the cap it was admitted under, and the reserving gate's pass.</summary>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="reservation">The reservation holding its slot.</param>
    /// <param name="slot">The slot taken (its cap in force).</param>
    /// <param name="name">The reserving gate's name.</param>
    /// <returns>The approved decision.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RiskDecision Approve(in TradeIntent intent, Reservation reservation, in AdmissionSlot slot, string name) =>
        RiskDecision.Approved(intent.Exchange, reservation, slot.Cap, name);

    /// <summary>
    /// A gate's name for a fault, read when the fault happens: its <see cref="IRiskGate.Name"/>, or its type's name when
    /// that is null or throws (naming the gate must not throw from the handler that refuses the trade).
    /// </summary>
    /// <typeparam name="TGate">The gate's type.</typeparam>
    /// <param name="gate">The gate.</param>
    /// <returns>The name.</returns>
    public static string NameOf<TGate>(in TGate gate)
        where TGate : IRiskGate
    {
        try
        {
            return gate.Name ?? gate.GetType().Name;
        }
        catch (Exception)
        {
            // A gate whose name throws is still named, by its type: the refusal must not throw.
            return gate.GetType().Name;
        }
    }

    /// <summary>A rejection: logged, counted under its reason, returned as the decision.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent refused.</param>
    /// <param name="gate">The refusing verdict's gate (<see cref="GateVerdict.Gate"/>).</param>
    /// <param name="reason">Its reason (<see cref="GateVerdict.Reason"/>); <see cref="RejectionReason.None"/> is refused as <see cref="RejectionReason.GateFault"/>.</param>
    /// <param name="observed">Its observed figure (<see cref="GateVerdict.Observed"/>).</param>
    /// <param name="limit">Its limit (<see cref="GateVerdict.Limit"/>).</param>
    /// <param name="detail">Its detail (<see cref="GateVerdict.Detail"/>).</param>
    /// <returns>The rejected decision.</returns>
    /// <remarks>
    /// The verdict comes in its parts, each in a register. A generated pipeline holds each gate's verdict in one local
    /// that stays in registers while gates pass (its address is never taken); handed on whole, the 40-byte verdict
    /// would be copied through a stack temporary, and every decision zeroes such a temporary when it starts, the
    /// approvals included.
    /// </remarks>
    public static RiskDecision Reject(RiskContext context, in TradeIntent intent, string gate, RejectionReason reason, double observed, double limit, string? detail) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Reject(in intent, gate, reason, observed, limit, detail);

    /// <summary>A gate's exception as a <see cref="RejectionReason.GateFault"/> decision (fail closed), the exception logged.</summary>
    /// <param name="context">The pipeline's context.</param>
    /// <param name="intent">The intent being evaluated.</param>
    /// <param name="gate">The gate that threw.</param>
    /// <param name="exception">What it threw.</param>
    /// <returns>The rejected decision.</returns>
    public static RiskDecision Fault(RiskContext context, in TradeIntent intent, string gate, Exception exception) =>
        context.Fault(in intent, gate, exception);
}
