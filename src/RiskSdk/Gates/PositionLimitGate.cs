using System;
using System.Runtime.CompilerServices;
using RiskSdk.Generated;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Gates;

/// <summary>
/// The open-position cap per exchange, scaled by confidence and regime (see <see cref="PositionCap.For"/>). It is
/// the reserving gate, so it runs last, after every pure check has passed: <see cref="Reserve"/> takes the slot in the
/// same atomic step as the check, and <see cref="Admitted(in TradeIntent, in AdmissionSlot, in Reservation)"/>
/// announces the approval once the pipeline's admitting gates have taken their state. A generated pipeline calls the
/// two steps itself, with its admitting gates between them;
/// <see cref="Admit(in TradeIntent, ref DecisionClock, ReadOnlySpan{IAdmittingGate})"/> runs the same steps around a
/// list of admitting gates (<see cref="RiskPipeline"/>).
/// </summary>
public sealed class PositionLimitGate : IStagedReservingGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "PositionLimit";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public PositionLimitGate(RiskContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
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
    /// The last step of every pipeline: takes a position slot under the cap in force (atomically, on the decision's
    /// clock), then each admitting gate's state in declared order (the cooldown's stamp, the order counted, a custom
    /// gate's count). When a step refuses or throws, every step taken before it is undone in reverse order and the
    /// slot given back, so nothing taken survives a refusal; once every step has taken its state, each admitting gate
    /// is told so (<see cref="IAdmittingGate.Admitted"/>). Orders that only reduce exposure take no slot. Never
    /// throws: a fault refuses the trade.
    /// </summary>
    /// <param name="intent">The intent every check has passed.</param>
    /// <param name="clock">The decision's clock; the book and the admitting gates share its reading.</param>
    /// <param name="admitting">The pipeline's admitting gates, in declared order.</param>
    /// <returns>The decision, logged and counted.</returns>
    /// <remarks>
    /// The slot is taken here, in a small frame; only a trade that got its slot (or an exit, which needs none) goes on
    /// to <see cref="AdmitHolding"/>, whose frame holds the admitting gates' receipts. A refusal at the cap, the most
    /// frequent refusal of a busy exchange, so never pays for them.
    /// </remarks>
    [PositionLimitCheck]
    public RiskDecision Admit(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting)
    {
        GateVerdict verdict;
        AdmissionSlot slot;
        Reservation reservation;
        try
        {
            verdict = Reserve(in intent, ref clock, out slot, out reservation);
        }
        catch (Exception exception)
        {
            return _context.Fault(in intent, GateName, exception);
        }

        if (!verdict.IsPassed)
        {
            return _context.Reject(in intent, in verdict);
        }

        return AdmitHolding(in intent, ref clock, admitting, reservation, in slot);
    }

    /// <summary>
    /// Takes a position slot under the cap in force (and the account-wide cap, when one is set), atomically, on the
    /// decision's clock; an order that only reduces exposure takes none and passes. The first step of
    /// <see cref="Admit(in TradeIntent, ref DecisionClock, ReadOnlySpan{IAdmittingGate})"/>, and of a generated
    /// pipeline's admission.
    /// </summary>
    /// <param name="intent">The intent every check has passed.</param>
    /// <param name="clock">The decision's clock; the book shares its reading.</param>
    /// <param name="slot">The positions before this one and the cap in force (default for an exit).</param>
    /// <param name="reservation">The slot's reservation (empty for an exit).</param>
    /// <returns>Pass, or why the book gave no slot: at the cap, at the account-wide cap, or the ledger unavailable.</returns>
    /// <exception cref="Exception">Whatever the book throws; the caller refuses the trade as <see cref="RejectionReason.GateFault"/>.</exception>
    [PositionLimitCheck]
    public GateVerdict Reserve(in TradeIntent intent, ref DecisionClock clock, out AdmissionSlot slot, out Reservation reservation)
    {
        if (intent.ReducesExposure)
        {
            slot = default;
            reservation = default;
            return GateVerdict.Pass(GateName);
        }

        var settings = _context.Settings;
        var cap = PositionCap.For(settings, intent.Confidence, intent.Regime);
        var totalCap = settings.MaxOpenPositionsTotal ?? int.MaxValue;
        var outcome = _context.Book.TryReserve(intent.Exchange, cap.Allowed, totalCap, ref clock);
        if (outcome.Status == ReserveStatus.Reserved)
        {
            slot = new AdmissionSlot(outcome.Open + outcome.Pending, cap, outcome.Reservation.HoldsSlot);
            reservation = outcome.Reservation;
            return GateVerdict.Pass(GateName);
        }

        slot = default;
        reservation = default;
        return Refusal(in outcome, cap, totalCap);
    }

    /// <summary>Announces an admitted trade: the approval logged (and the cap reached, or nearly), counted, and recorded for the operator.</summary>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="slot">The slot <see cref="Reserve"/> took.</param>
    /// <param name="reservation">The reservation <see cref="Reserve"/> returned.</param>
    public void Admitted(in TradeIntent intent, in AdmissionSlot slot, in Reservation reservation) =>
        Announce(in intent, reservation, slot.Cap, slot.HoldsSlot ? slot.PositionsBefore + 1 : 0);

    /// <summary>Why the book gave no slot, as the gate's verdict.</summary>
    /// <remarks>
    /// Always inlined: a process that approves compiles the reserve from the approving profile, where this refusal is
    /// cold; called out of line, its verdict comes back through memory and is read back and copied again for the
    /// refusal, on every refusal at the cap.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static GateVerdict Refusal(in ReserveOutcome outcome, PositionCap cap, int totalCap) => outcome.Status switch
    {
        ReserveStatus.AtCapacity => GateVerdict.Reject(GateName, RejectionReason.PositionLimitReached, outcome.Open + outcome.Pending, cap.Allowed),
        ReserveStatus.AtTotalCapacity => GateVerdict.Reject(GateName, RejectionReason.TotalPositionLimitReached, outcome.AccountTotal, totalCap),
        _ => GateVerdict.Reject(GateName, RejectionReason.LedgerUnavailable, outcome.Open + outcome.Pending, cap.Allowed),
    };

    /// <summary>
    /// The rest of the admission once the slot is held (or none is needed): each admitting gate's state in order, then
    /// the approval; a refusal or exception gives back everything taken, the slot included.
    /// </summary>
    /// <param name="intent">The intent.</param>
    /// <param name="clock">The decision's clock.</param>
    /// <param name="admitting">The pipeline's admitting gates, in declared order.</param>
    /// <param name="reservation">The slot taken; empty for an exit.</param>
    /// <param name="slot">What the admitting gates see of it: the positions before it and the cap in force (default for an exit). Built by the caller, passed by reference: copying it here would read it back before its stores land.</param>
    /// <returns>The decision, logged and counted.</returns>
    [SkipLocalsInit]
    private RiskDecision AdmitHolding(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting, Reservation reservation, in AdmissionSlot slot)
    {
        // Not zeroed (receipts hold no references): each is written by its gate's TryTake before anything reads it.
        Unsafe.SkipInit(out AdmissionReceipts onStack);
        Span<AdmissionReceipt> receipts = admitting.Length <= AdmissionReceipts.Length ? onStack : new AdmissionReceipt[admitting.Length];
        int taken = 0, told = -1;
        bool admitted;
        GateVerdict refusal;
        try
        {
            admitted = TakeAll(in intent, ref clock, admitting, receipts, in slot, ref taken, ref told, out refusal);
            if (admitted)
            {
                Admitted(in intent, in slot, in reservation);
            }
            else
            {
                GiveBack(in intent, admitting, receipts, taken, ref reservation);
            }
        }
        catch (Exception exception)
        {
            GiveBack(in intent, admitting, receipts, Math.Min(taken, admitting.Length), ref reservation);
            return _context.Fault(in intent, StepName(admitting, told < 0 ? taken : told), exception);
        }

        // The decision is built here, outside the try block, straight into the caller's result: a result returned from
        // inside a protected region, or chosen by a conditional expression, is built aside and copied out (88 bytes,
        // read back before the stores land).
        if (admitted)
        {
            return RiskDecision.Approved(intent.Exchange, reservation, slot.Cap, GateName);
        }

        return _context.Reject(in intent, in refusal);
    }

    /// <summary>
    /// Takes each admitting gate's state in order, then tells each that its state stands; stops at the first refusal
    /// with <paramref name="taken"/> the gates that took theirs. <paramref name="taken"/> and <paramref name="told"/>
    /// (-1 until the gates are told, then the gate being told, then their count once the announcement is under way)
    /// follow the progress, so the caller can undo and name the step when one throws; names are only read then.
    /// </summary>
    private static bool TakeAll(
        in TradeIntent intent,
        ref DecisionClock clock,
        ReadOnlySpan<IAdmittingGate> admitting,
        scoped Span<AdmissionReceipt> receipts,
        in AdmissionSlot slot,
        ref int taken,
        ref int told,
        out GateVerdict refusal)
    {
        for (; taken < admitting.Length; taken++)
        {
            refusal = admitting[taken].TryTake(in intent, in slot, ref clock, out receipts[taken]);
            if (!refusal.IsPassed)
            {
                return false;
            }
        }

        // Everything is taken: each admitting gate learns that its state stands (an exception still undoes all).
        for (told = 0; told < admitting.Length; told++)
        {
            admitting[told].Admitted(in intent, in receipts[told]);
        }

        refusal = default;
        return true;
    }

    /// <summary>The name of the step that threw: the admitting gate at <paramref name="index"/>, or this gate past the last (announcing the trade).</summary>
    private static string StepName(ReadOnlySpan<IAdmittingGate> admitting, int index) =>
        index >= admitting.Length ? GateName : PipelineDecisions.NameOf(admitting[index]);

    /// <summary>Admits a trade with no admitting gates, on a clock read for this decision alone (for a book exercised without a pipeline).</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The decision, logged and counted.</returns>
    [PositionLimitCheck]
    public RiskDecision Admit(in TradeIntent intent)
    {
        var clock = new DecisionClock(_context.Time);
        return Admit(in intent, ref clock, ReadOnlySpan<IAdmittingGate>.Empty);
    }

    /// <summary>Undoes the first <paramref name="taken"/> admitting gates in reverse order, then releases the slot; never throws: an undo or a release that throws is logged and the rest still run.</summary>
    private void GiveBack(in TradeIntent intent, ReadOnlySpan<IAdmittingGate> admitting, Span<AdmissionReceipt> receipts, int taken, ref Reservation reservation)
    {
        for (var i = taken - 1; i >= 0; i--)
        {
            PipelineDecisions.Undo(_context, admitting[i], in intent, in receipts[i]);
        }

        PipelineDecisions.Release(_context, in intent, in reservation, GateName);
        reservation = default;
    }

    /// <summary>Logs and counts an admitted trade, and records it for the operator.</summary>
    private void Announce(in TradeIntent intent, Reservation reservation, PositionCap cap, int positionsAfter)
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

        _context.Metrics.RecordApproved(in intent, cap.IsHighConfidence);
        _context.Monitor.Record(in intent, GateName, RejectionReason.None, 0, 0, null, approved: true);
    }
}
