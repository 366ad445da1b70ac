namespace RiskSdk.Benchmarks.Decision;

/// <summary>The naive risk manager's answer, as a class with a formatted reason.</summary>
/// <param name="IsApproved">True when the order may be placed.</param>
/// <param name="Reason">Why not, formatted; "approved" when approved.</param>
/// <param name="Position">The pending position an approval holds; null when rejected.</param>
public sealed record NaiveDecision(bool IsApproved, string Reason, NaivePosition? Position);
