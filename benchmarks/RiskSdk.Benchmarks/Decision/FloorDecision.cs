namespace RiskSdk.Benchmarks.Decision;

/// <summary>The floor's answer: approved, or the reason code of the first check that refused. No text.</summary>
/// <param name="Reason"><see cref="RejectionReason.None"/> when approved.</param>
public readonly record struct FloorDecision(RejectionReason Reason)
{
    /// <summary>True when the order may be placed.</summary>
    public bool IsApproved => Reason == RejectionReason.None;
}
