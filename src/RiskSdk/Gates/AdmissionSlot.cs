namespace RiskSdk.Gates;

/// <summary>What the reserving gate took for a trade, as the admitting gates see it while they take their own state.</summary>
/// <param name="PositionsBefore">Open plus pending positions on the exchange before this trade's slot (0 for an exit).</param>
/// <param name="Cap">The cap in force for this trade (default for an exit, which takes no slot).</param>
/// <param name="HoldsSlot">True when a slot was taken; false for an exit that only reduces exposure.</param>
public readonly record struct AdmissionSlot(int PositionsBefore, PositionCap Cap, bool HoldsSlot);
