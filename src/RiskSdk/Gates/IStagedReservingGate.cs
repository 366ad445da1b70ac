namespace RiskSdk.Gates;

/// <summary>
/// A reserving gate whose admission a generated pipeline writes out step by step instead of calling
/// <see cref="IReservingGate.Admit"/> with a list of gates: <see cref="Reserve"/> takes the slot, the pipeline then
/// calls each admitting gate's <see cref="IAdmittingGate.TryTake"/> in declared order (a direct call on its own type),
/// then each gate's <see cref="IAdmittingGate.Admitted"/> and this gate's <see cref="Admitted"/>; on a refusal or an
/// exception it undoes what was taken in reverse order and releases the reservation. <see cref="PositionLimitGate"/>
/// implements it, and builds its own <see cref="IReservingGate.Admit"/> from the same two steps, so both paths decide
/// alike. A reserving gate without it is admitted through <see cref="IReservingGate.Admit"/>.
/// </summary>
public interface IStagedReservingGate : IReservingGate
{
    /// <summary>
    /// Takes the trade's slot, or refuses. On a pass the slot and the reservation hold what was taken (an exit that
    /// takes no slot passes with an empty reservation); on a refusal nothing was taken. May throw: the pipeline then
    /// refuses the trade with <see cref="RejectionReason.GateFault"/>, this gate named.
    /// </summary>
    /// <param name="intent">The intent; every check has passed.</param>
    /// <param name="clock">The decision's clock, shared with the book.</param>
    /// <param name="slot">The slot taken, handed to each admitting gate.</param>
    /// <param name="reservation">The reservation that holds the slot: the pipeline releases it when a later step refuses or throws.</param>
    /// <returns>Pass, or the refusal (not yet logged or counted: the pipeline does that).</returns>
    [PositionLimitCheck]
    GateVerdict Reserve(in TradeIntent intent, ref DecisionClock clock, out AdmissionSlot slot, out Reservation reservation);

    /// <summary>
    /// The trade was admitted: every admitting gate took its state and learnt it stands. Announces the approval (log,
    /// metrics, the operator's record). An exception here refuses the trade, everything undone (fail closed).
    /// </summary>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="slot">The slot <see cref="Reserve"/> took.</param>
    /// <param name="reservation">The reservation <see cref="Reserve"/> returned.</param>
    void Admitted(in TradeIntent intent, in AdmissionSlot slot, in Reservation reservation);
}
