using System;
using System.Runtime.CompilerServices;

namespace RiskSdk.Gates;

/// <summary>Refuses an order when the exchange already saw <see cref="RiskSettings.MaxOrdersPerSecond"/> orders in the last second (exits included). The order is counted atomically when the trade is admitted, and given back when a later admission step refuses.</summary>
public sealed class OrderRateGate : ITimedGate, IAdmittingGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "OrderRate";

    private readonly RiskContext _context;

    /// <summary>The context's limiter (it lives as long as the context), held here so a take reaches it in one step.</summary>
    private readonly OrderRateLimiter _limiter;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public OrderRateGate(RiskContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _limiter = context.OrderRate;
    }

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var clock = new DecisionClock(_context.Time);
        return Check(in intent, ref clock);
    }

    /// <inheritdoc/>
    /// <returns>Pass, or <see cref="RejectionReason.OrderRateExceeded"/> with the orders in the last second against the limit.</returns>
    public GateVerdict Check(in TradeIntent intent, ref DecisionClock clock)
    {
        var limiter = _limiter;
        if (limiter.SurelyHasRoom(intent.Exchange, ref clock))
        {
            return GateVerdict.Pass(GateName);
        }

        var count = limiter.CountLastSecond(intent.Exchange, ref clock);
        return count < limiter.MaxPerSecond
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.OrderRateExceeded, count, limiter.MaxPerSecond);
    }

    /// <summary>Counts the order against the exchange's allowance, atomically (exits included).</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="slot">The slot taken (unused: every order counts).</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="receipt">The bucket the order was counted in.</param>
    /// <returns>Pass, or a rejection when another thread used the last of the allowance first.</returns>
    public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt)
    {
        // The common case in one compare-and-swap, inlined; the rest (and every refusal) out of line.
        var counted = _limiter.TryTakeQuickly(intent.Exchange, ref clock);
        var count = 0;
        if (counted == OrderRateWindow.NotCounted)
        {
            counted = TakeFully(in intent, ref clock, out count);
        }

        if (counted == OrderRateWindow.NotCounted)
        {
            receipt = AdmissionReceipt.Nothing;
            return GateVerdict.Reject(GateName, RejectionReason.OrderRateExceeded, count, _limiter.MaxPerSecond);
        }

        receipt = new AdmissionReceipt(counted, 0, Taken: true);
        return GateVerdict.Pass(GateName);
    }

    /// <summary>
    /// The take when its common case counted nothing: the span moving on, a new or retired window, a lost race, the
    /// limit reached. Answers with the bucket and the count rather than a verdict: a verdict returned from a call that
    /// is not inlined is a temporary of the admission's frame, zeroed on every decision.
    /// </summary>
    /// <returns>The bucket the order was counted in, or <see cref="OrderRateWindow.NotCounted"/> with the orders in the counted span.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long TakeFully(in TradeIntent intent, ref DecisionClock clock, out int count) =>
        _limiter.TryTake(intent.Exchange, ref clock, out count, out var countedIn) ? countedIn : OrderRateWindow.NotCounted;

    /// <summary>Gives the counted order back, so a refused admission does not use up the allowance.</summary>
    /// <param name="intent">The intent whose admission was refused later.</param>
    /// <param name="receipt">The receipt of <see cref="TryTake"/>.</param>
    public void Undo(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        if (receipt.Taken)
        {
            _limiter.Untake(intent.Exchange, receipt.Value);
        }
    }
}
