namespace RiskSdk.Monitoring;

/// <summary>The whole account (every exchange of the context) at one moment.</summary>
/// <param name="Open">Open positions over every exchange; null when the ledger did not answer.</param>
/// <param name="Pending">Pending reservations over every exchange; null when the ledger did not answer.</param>
/// <param name="Cap">The account-wide cap on open plus pending positions; null when none is set.</param>
public sealed record AccountSnapshot(int? Open, int? Pending, int? Cap);
