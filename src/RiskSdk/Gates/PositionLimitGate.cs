using System;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Gates;

/// <summary>
/// The open-position cap per exchange, scaled by confidence and regime (see <see cref="PositionCap.For"/>). It is
/// the reserving gate: <see cref="Admit(in TradeIntent, CooldownGate?, OrderRateGate?)"/> takes the slot in the same atomic step as the check, so it runs last,
/// after every pure check has passed.
/// </summary>
public sealed class PositionLimitGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "PositionLimit";

    /// <summary>The timestamp of a decision that has not read the clock: no gate of the pipeline needed the time.</summary>
    internal const long NotRead = long.MinValue;

    private readonly RiskContext _context;

    /// <summary>The context's book when it is the in-memory book on the context's clock: it can take the decision's reading.</summary>
    private readonly InMemoryPositionBook? _bookOnContextClock;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public PositionLimitGate(RiskContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _bookOnContextClock = context.Book is InMemoryPositionBook book && book.ReadsClock(context.Time) ? book : null;
    }

    /// <inheritdoc/>
    public string Name => GateName;

    /// <summary>Checks the cap without taking a slot (for explanations and dry runs).</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>Pass, or <see cref="RejectionReason.PositionLimitReached"/> with open plus pending against the cap, or <see cref="RejectionReason.LedgerUnavailable"/> when the book could not be read.</returns>
    public GateVerdict Check(in TradeIntent intent)
    {
        if (intent.ReducesExposure)
        {
            return GateVerdict.Pass(GateName);
        }

        var cap = PositionCap.For(_context.Settings, intent.Confidence, intent.Regime);
        var counts = _context.Book.GetCounts(intent.Exchange);
        if (counts.Unavailable)
        {
            return GateVerdict.Reject(GateName, RejectionReason.LedgerUnavailable, 0, cap.Allowed);
        }

        var held = counts.Total;
        if (held >= cap.Allowed)
        {
            return GateVerdict.Reject(GateName, RejectionReason.PositionLimitReached, held, cap.Allowed);
        }

        if (_context.Settings.MaxOpenPositionsTotal is { } totalCap)
        {
            var total = _context.Book.GetTotalCounts();
            if (total.Unavailable)
            {
                return GateVerdict.Reject(GateName, RejectionReason.LedgerUnavailable, 0, cap.Allowed);
            }

            if (total.Total >= totalCap)
            {
                return GateVerdict.Reject(GateName, RejectionReason.TotalPositionLimitReached, total.Total, totalCap);
            }
        }

        return GateVerdict.Pass(GateName);
    }

    /// <summary>
    /// The last step of every pipeline: takes a position slot under the cap in force (atomically), then stamps the
    /// cooldown and counts the order against the rate limit, each atomically; if any step refuses, the slot is given
    /// back. Orders that only reduce exposure take no slot. Never throws: a fault refuses the trade.
    /// </summary>
    /// <param name="intent">The intent every other gate has passed.</param>
    /// <param name="cooldown">The pipeline's cooldown gate, or null when it has none.</param>
    /// <param name="orderRate">The pipeline's order-rate gate, or null when it has none.</param>
    /// <returns>The decision, logged and counted.</returns>
    [PositionLimitCheck]
    public RiskDecision Admit(in TradeIntent intent, CooldownGate? cooldown, OrderRateGate? orderRate)
    {
        long timestamp;
        try
        {
            timestamp = cooldown is null && orderRate is null ? NotRead : _context.Time.GetTimestamp();
        }
        catch (Exception exception)
        {
            return _context.Fault(in intent, GateName, exception);
        }

        return Admit(in intent, cooldown, orderRate, timestamp);
    }

    /// <summary>
    /// <see cref="Admit(in TradeIntent, CooldownGate?, OrderRateGate?)"/> at the clock reading the pipeline took for
    /// this decision, so one decision reads the clock once however many gates need the time.
    /// </summary>
    /// <param name="intent">The intent every other gate has passed.</param>
    /// <param name="cooldown">The pipeline's cooldown gate, or null when it has none.</param>
    /// <param name="orderRate">The pipeline's order-rate gate, or null when it has none.</param>
    /// <param name="timestamp">Now, read once for the decision from <see cref="RiskContext.Time"/>'s <see cref="TimeProvider.GetTimestamp"/>; the cooldown stamp and the order count use it.</param>
    /// <returns>The decision, logged and counted.</returns>
    [PositionLimitCheck]
    public RiskDecision Admit(in TradeIntent intent, CooldownGate? cooldown, OrderRateGate? orderRate, long timestamp)
    {
        var reservation = default(Reservation);
        var step = GateName;
        try
        {
            if (intent.ReducesExposure)
            {
                step = OrderRateGate.GateName;
                if (orderRate?.TryTake(in intent, timestamp) is { IsPassed: false } throttled)
                {
                    return _context.Reject(in intent, in throttled);
                }

                return Approve(in intent, default, new PositionCap(0, false), positionsAfter: 0);
            }

            var cap = PositionCap.For(_context.Settings, intent.Confidence, intent.Regime);
            var totalCap = _context.Settings.MaxOpenPositionsTotal ?? int.MaxValue;
            var outcome = _bookOnContextClock is { } book && timestamp != NotRead
                ? book.TryReserve(intent.Exchange, cap.Allowed, totalCap, timestamp)
                : _context.Book.TryReserve(intent.Exchange, cap.Allowed, totalCap);
            var before = outcome.Open + outcome.Pending;
            switch (outcome.Status)
            {
                case ReserveStatus.Reserved:
                    reservation = outcome.Reservation;
                    break;
                case ReserveStatus.AtCapacity:
                    return _context.Reject(in intent, GateVerdict.Reject(GateName, RejectionReason.PositionLimitReached, before, cap.Allowed));
                case ReserveStatus.AtTotalCapacity:
                    return _context.Reject(in intent, GateVerdict.Reject(GateName, RejectionReason.TotalPositionLimitReached, outcome.AccountTotal, totalCap));
                default:
                    return _context.Reject(in intent, GateVerdict.Reject(GateName, RejectionReason.LedgerUnavailable, before, cap.Allowed));
            }

            step = CooldownGate.GateName;
            var verdict = cooldown?.TryStamp(in intent, before, timestamp) ?? GateVerdict.Pass(GateName);
            if (verdict.IsPassed)
            {
                step = OrderRateGate.GateName;
                verdict = orderRate?.TryTake(in intent, timestamp) ?? verdict;
            }

            if (!verdict.IsPassed)
            {
                reservation.Release();
                return _context.Reject(in intent, in verdict);
            }

            return Approve(in intent, reservation, cap, before + 1);
        }
        catch (Exception exception)
        {
            reservation.Release();
            return _context.Fault(in intent, step, exception);
        }
    }

    private RiskDecision Approve(in TradeIntent intent, Reservation reservation, PositionCap cap, int positionsAfter)
    {
        if (reservation.HoldsSlot)
        {
            RiskLog.TradeApproved(_context.Logger, intent.Exchange, reservation.Id, positionsAfter, cap.Allowed, cap.IsHighConfidence);

            // One approval adds one position, so each threshold is crossed by exactly one approval on the way up. The
            // near-cap warning needs a second position to warn about: at a cap of 2 the first trade is not "near".
            if (positionsAfter == cap.Allowed)
            {
                RiskLog.CapReached(_context.Logger, intent.Exchange, positionsAfter, cap.Allowed, cap.IsHighConfidence);
            }
            else if (positionsAfter == cap.Allowed - 1 && positionsAfter > 1)
            {
                RiskLog.NearCap(_context.Logger, intent.Exchange, positionsAfter, cap.Allowed);
            }
        }

        var decision = RiskDecision.Approved(intent.Exchange, reservation, cap, GateName);
        _context.Metrics.RecordApproved(in intent, cap.IsHighConfidence);
        _context.Monitor.Record(in intent, decision.Verdict, approved: true);
        return decision;
    }
}
