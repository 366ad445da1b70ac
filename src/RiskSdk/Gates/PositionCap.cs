using System;

namespace RiskSdk.Gates;

/// <summary>The open-position cap in force for one signal, and whether the high-confidence cap applied.</summary>
/// <param name="Allowed">The most open plus pending positions the exchange may hold after this trade.</param>
/// <param name="IsHighConfidence">True when the signal's confidence reached <see cref="RiskSettings.HighConfidenceThreshold"/>.</param>
public readonly record struct PositionCap(int Allowed, bool IsHighConfidence)
{
    /// <summary>
    /// The cap for a signal: the normal cap, or the high-confidence cap at or above the threshold; both scaled by
    /// <see cref="RiskSettings.HighVolatilityScale"/> (rounding down) in a high-volatility regime; never above the
    /// high-confidence cap.
    /// </summary>
    /// <param name="settings">The limits.</param>
    /// <param name="confidence">The signal's confidence (NaN is never high).</param>
    /// <param name="regime">The market regime.</param>
    /// <returns>The cap.</returns>
    public static PositionCap For(RiskSettings settings, double confidence, MarketRegime regime)
    {
        var high = confidence >= settings.HighConfidenceThreshold;
        var cap = high ? settings.MaxOpenPositionsHighConfidence : settings.MaxOpenPositions;
        if (regime == MarketRegime.HighVolatility)
        {
            cap = (int)Math.Floor(cap * settings.HighVolatilityScale);
        }

        return new PositionCap(Math.Clamp(cap, 0, settings.MaxOpenPositionsHighConfidence), high);
    }
}
