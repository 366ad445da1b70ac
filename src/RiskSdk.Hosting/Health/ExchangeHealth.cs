namespace RiskSdk.Hosting;

/// <summary>One exchange as the RiskSdk health check reports it: positions held against the caps in force.</summary>
/// <param name="Open">Open positions.</param>
/// <param name="Pending">Reservations of orders in flight.</param>
/// <param name="Cap">The open-position cap at normal confidence.</param>
/// <param name="HighConfidenceCap">The cap for high-confidence signals, and the ceiling in every case.</param>
public sealed record ExchangeHealth(int Open, int Pending, int Cap, int HighConfidenceCap);
