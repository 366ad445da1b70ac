namespace RiskSdk;

/// <summary>The market regime a signal was produced in. Limits are scaled down in a high-volatility regime.</summary>
public enum MarketRegime
{
    /// <summary>Ordinary conditions: the configured caps apply as they are.</summary>
    Normal = 0,

    /// <summary>High volatility: both open-position caps are multiplied by <see cref="RiskSettings.HighVolatilityScale"/>, rounding down.</summary>
    HighVolatility = 1,
}
