namespace RiskSdk.Gates;

/// <summary>
/// A gate that takes state when a trade is admitted (the cooldown's stamp, the order counted against the rate, a
/// custom daily count) and can give it back. Admission takes the slot, then each admitting gate in declared order;
/// when a later step refuses or throws, everything taken is undone in reverse order, so nothing survives a refusal.
/// The generator and <see cref="RiskPipeline"/> find this role through the interface.
/// </summary>
public interface IAdmittingGate : IRiskGate
{
    /// <summary>Takes this gate's state for the trade, atomically, or refuses (another thread got there first).</summary>
    /// <param name="intent">The intent being admitted; every check has passed.</param>
    /// <param name="slot">The slot the reserving gate took for it.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="receipt">What was taken, for <see cref="Undo"/>; <see cref="AdmissionReceipt.Nothing"/> when nothing was.</param>
    /// <returns>Pass, or the rejection; a refusal must take nothing.</returns>
    GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt);

    /// <summary>Gives back what <see cref="TryTake"/> took for this intent, because a later step refused or threw.</summary>
    /// <param name="intent">The intent that was being admitted.</param>
    /// <param name="receipt">The receipt <see cref="TryTake"/> returned.</param>
    void Undo(in TradeIntent intent, in AdmissionReceipt receipt);

    /// <summary>
    /// The trade was admitted: every step took its state, so what <see cref="TryTake"/> took stands and will not be
    /// undone. The place for what must only happen for an admitted trade, such as logging it; by default nothing.
    /// An exception here refuses the trade, undoing everything (fail closed).
    /// </summary>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="receipt">The receipt <see cref="TryTake"/> returned.</param>
    void Admitted(in TradeIntent intent, in AdmissionReceipt receipt)
    {
    }
}
