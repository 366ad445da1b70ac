namespace RiskSdk.Monitoring;

/// <summary>The open-position caps per exchange: as configured, and in force for the current market regime.</summary>
/// <param name="Normal">The cap at normal confidence (<see cref="RiskSettings.MaxOpenPositions"/>).</param>
/// <param name="HighConfidence">The cap at high confidence, and the ceiling in every case (<see cref="RiskSettings.MaxOpenPositionsHighConfidence"/>).</param>
/// <param name="HighConfidenceThreshold">The confidence from which the high-confidence cap applies.</param>
/// <param name="Regime">The regime of the most recent decision; <see cref="MarketRegime.Normal"/> before any.</param>
/// <param name="InForceNormal">The normal-confidence cap in that regime.</param>
/// <param name="InForceHighConfidence">The high-confidence cap in that regime.</param>
public sealed record CapSnapshot(int Normal, int HighConfidence, double HighConfidenceThreshold, MarketRegime Regime, int InForceNormal, int InForceHighConfidence);
