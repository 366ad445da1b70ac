namespace RiskSdk.Gates;

/// <summary>
/// A gate that halts new entries as a whole (the kill switch). It belongs first in a pipeline, so a halted system
/// looks no further; RISKGEN107 warns when one is listed after another gate.
/// </summary>
public interface IHaltGate : IRiskGate
{
    /// <summary>True while the gate refuses every order that would open exposure.</summary>
    bool IsHalted { get; }
}
