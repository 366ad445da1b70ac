namespace RiskSdk.Gates;

/// <summary>
/// A gate whose check needs the time. A pipeline hands it the decision's <see cref="DecisionClock"/>, so one decision
/// reads the clock at most once whatever the number of gates. The generator and <see cref="RiskPipeline"/> find this
/// role through the interface.
/// </summary>
public interface ITimedGate : IRiskGate
{
    /// <summary>Checks one intent at the decision's time, without changing any state.</summary>
    /// <param name="intent">The intent.</param>
    /// <param name="clock">The decision's clock; read it with <see cref="DecisionClock.GetTimestamp"/>.</param>
    /// <returns>Pass, or a rejection with its reason and figures.</returns>
    GateVerdict Check(in TradeIntent intent, ref DecisionClock clock);
}
