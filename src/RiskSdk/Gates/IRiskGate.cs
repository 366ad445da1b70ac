namespace RiskSdk.Gates;

/// <summary>
/// A pre-trade check for the hand-assembled <see cref="RiskPipeline"/>. The generated pipeline needs no interface:
/// any type with a method of the shape <c>GateVerdict Check(in TradeIntent intent)</c> can be a gate there.
/// </summary>
public interface IRiskGate
{
    /// <summary>The gate's stable name, used in verdicts, logs and reports.</summary>
    string Name { get; }

    /// <summary>Checks one intent without changing any state.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>Pass, or a rejection with its reason and figures.</returns>
    GateVerdict Check(in TradeIntent intent);
}
