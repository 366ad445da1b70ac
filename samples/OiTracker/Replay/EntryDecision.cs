using RiskSdk;

namespace OiTracker.Replay;

/// <summary>An auto-executor's answer to an entry signal.</summary>
/// <param name="IsApproved">True when the order may be sent.</param>
/// <param name="Reason">Why not, when refused.</param>
/// <param name="IsHighConfidence">True when the high-confidence cap applied to the approval.</param>
/// <param name="CapAllowed">The cap in force for the approval; <see cref="int.MaxValue"/> when nothing capped it.</param>
/// <param name="Reservation">The slot to commit on fill or release on rejection; empty without RiskSdk.</param>
/// <param name="Gate">The gate that refused; null when approved.</param>
internal readonly record struct EntryDecision(bool IsApproved, RejectionReason Reason, bool IsHighConfidence, int CapAllowed, Reservation Reservation, string? Gate = null)
{
    /// <summary>A refusal.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="gate">The gate that refused.</param>
    /// <returns>The decision.</returns>
    public static EntryDecision Refused(RejectionReason reason, string gate) => new(false, reason, false, 0, default, gate);
}
