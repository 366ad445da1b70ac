namespace RiskSdk.Gates;

/// <summary>
/// What an <see cref="IAdmittingGate"/> took for one trade, so it can give back exactly that and nothing another
/// trade took since. The two numbers mean what the gate says (the cooldown: the stamp it wrote and the one it replaced;
/// the order rate: the bucket it counted in).
/// </summary>
/// <param name="Value">The state the gate wrote, or where it counted.</param>
/// <param name="Previous">The state it replaced, when undoing needs it.</param>
/// <param name="Taken">False when the gate passed without taking anything (nothing to undo).</param>
public readonly record struct AdmissionReceipt(long Value, long Previous, bool Taken)
{
    /// <summary>Passed without taking anything.</summary>
    public static AdmissionReceipt Nothing => default;
}
