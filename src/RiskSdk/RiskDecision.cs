using System;
using RiskSdk.Gates;

namespace RiskSdk;

/// <summary>
/// The answer for one trade: approved, carrying the reservation to commit on fill or release on failure, or
/// rejected, with the reason, the gate and the figures that decided it. A value type: deciding allocates nothing.
/// </summary>
public readonly struct RiskDecision
{
    private RiskDecision(string exchange, bool approved, Reservation reservation, GateVerdict verdict, PositionCap cap)
    {
        Exchange = exchange;
        IsApproved = approved;
        Reservation = reservation;
        Verdict = verdict;
        Cap = cap;
    }

    /// <summary>The exchange the trade was for.</summary>
    public string Exchange { get; }

    /// <summary>True when the order may be placed. <c>default(RiskDecision)</c> is not approved.</summary>
    public bool IsApproved { get; }

    /// <summary>The slot held for the order; commit it on fill, release it otherwise. Empty when rejected, or for an order that only reduces exposure.</summary>
    public Reservation Reservation { get; }

    /// <summary>The deciding verdict: the rejection, or the position-limit gate's pass when approved.</summary>
    public GateVerdict Verdict { get; }

    /// <summary><see cref="RejectionReason.None"/> when approved; otherwise why not.</summary>
    public RejectionReason Reason => IsApproved ? RejectionReason.None : Verdict.Gate is null ? RejectionReason.GateFault : Verdict.Reason;

    /// <summary>The gate that decided.</summary>
    public string? Gate => Verdict.Gate;

    /// <summary>The cap in force for this trade (set when the position-limit gate was reached).</summary>
    public PositionCap Cap { get; }

    /// <summary>A readable sentence for logs and reports; formatted on each call.</summary>
    public string Message => IsApproved ? "approved" : Verdict.Gate is null ? "no decision was made; the trade is refused" : Verdict.Message;

    /// <summary>An approval; only the admission creates one, so an approved decision always holds what it claims.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="reservation">The slot taken.</param>
    /// <param name="cap">The cap in force.</param>
    /// <param name="gate">The gate that approved (the position-limit gate).</param>
    /// <returns>The decision.</returns>
    internal static RiskDecision Approved(string exchange, Reservation reservation, PositionCap cap, string gate) =>
        new(exchange, true, reservation, GateVerdict.Pass(gate), cap);

    /// <summary>A rejection.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="verdict">The rejecting verdict.</param>
    /// <returns>The decision.</returns>
    public static RiskDecision Rejected(string exchange, in GateVerdict verdict) =>
        Rejected(exchange, verdict.Gate, verdict.Reason, verdict.Observed, verdict.Limit, verdict.Detail);

    /// <summary>A rejection from its verdict's parts; a reason of <see cref="RejectionReason.None"/> becomes <see cref="RejectionReason.GateFault"/>.</summary>
    /// <param name="exchange">The exchange of the intent.</param>
    /// <param name="gate">The refusing gate.</param>
    /// <param name="reason">Why.</param>
    /// <param name="observed">The observed figure.</param>
    /// <param name="limit">The limit.</param>
    /// <param name="detail">The detail, if any.</param>
    /// <returns>The decision.</returns>
    internal static RiskDecision Rejected(string exchange, string gate, RejectionReason reason, double observed, double limit, string? detail) =>
        new(exchange, false, default, GateVerdict.Reject(gate, reason, observed, limit, detail), default);

    /// <summary>
    /// Turns this approval into a single-use <see cref="ApprovalToken"/> that order APIs can demand, so that an order
    /// cannot be placed without one. Only RiskSdk creates tokens.
    /// </summary>
    /// <returns>The token, tied to <see cref="Reservation"/>.</returns>
    /// <exception cref="InvalidOperationException">The decision is a rejection.</exception>
    public ApprovalToken ToApprovalToken() => IsApproved
        ? new ApprovalToken(Exchange, Reservation)
        : throw new InvalidOperationException("A rejected decision cannot become an approval token: " + Message);

    /// <inheritdoc/>
    public override string ToString() => IsApproved ? $"Approved on {Exchange} ({Reservation})" : $"Rejected on {Exchange}: {Message}";
}
