using RiskSdk.Gates;

namespace RiskSdk.Tests.Admission;

/// <summary>
/// Stands for another thread: its check passes, but while it runs another order on the same exchange uses the order
/// rate's allowance, after this decision's rate check has already passed. Deterministic, so the admission race is too.
/// </summary>
internal sealed class ConcurrentOrderGate(RiskContext context) : IRiskGate
{
    public string Name => "ConcurrentOrder";

    public GateVerdict Check(in TradeIntent intent)
    {
        context.OrderRate.TryTake(intent.Exchange, out _);
        return GateVerdict.Pass(Name);
    }
}
