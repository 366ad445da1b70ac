using System;

namespace RiskSdk.Gates;

/// <summary>Refuses an order when the exchange already saw <see cref="RiskSettings.MaxOrdersPerSecond"/> orders in the last second (exits included). The order is counted atomically when the trade is admitted.</summary>
public sealed class OrderRateGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "OrderRate";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public OrderRateGate(RiskContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent) => Check(in intent, _context.Time.GetTimestamp());

    /// <summary>Checks the intent against the clock reading the pipeline took for this decision.</summary>
    /// <param name="intent">The intent.</param>
    /// <param name="timestamp">Now, read once for the decision from <see cref="RiskContext.Time"/>'s <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <returns>Pass, or <see cref="RejectionReason.OrderRateExceeded"/> with the orders in the last second against the limit.</returns>
    public GateVerdict Check(in TradeIntent intent, long timestamp)
    {
        var limiter = _context.OrderRate;
        if (limiter.SurelyHasRoom(intent.Exchange, timestamp))
        {
            return GateVerdict.Pass(GateName);
        }

        var count = limiter.CountLastSecond(intent.Exchange, timestamp);
        return count < limiter.MaxPerSecond
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.OrderRateExceeded, count, limiter.MaxPerSecond);
    }

    /// <summary>Counts the order against the exchange's allowance, atomically; called when the trade is admitted.</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <returns>Pass, or a rejection when another thread used the last of the allowance first.</returns>
    public GateVerdict TryTake(in TradeIntent intent) => TryTake(in intent, _context.Time.GetTimestamp());

    /// <summary>Counts the order at the decision's clock reading against the exchange's allowance, atomically; called when the trade is admitted.</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="timestamp">Now, read once for the decision from <see cref="RiskContext.Time"/>'s <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <returns>Pass, or a rejection when another thread used the last of the allowance first.</returns>
    public GateVerdict TryTake(in TradeIntent intent, long timestamp)
    {
        var limiter = _context.OrderRate;
        return limiter.TryTake(intent.Exchange, timestamp, out var count)
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.OrderRateExceeded, count, limiter.MaxPerSecond);
    }
}
