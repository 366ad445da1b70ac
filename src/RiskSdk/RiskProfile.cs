namespace RiskSdk;

/// <summary>The three ready-made risk profiles. See <see cref="RiskSettings.ForProfile(RiskProfile)"/>.</summary>
public enum RiskProfile
{
    /// <summary>One open position per exchange (two at high confidence), 600 s cooldown with positions, 60 s signal cooldown.</summary>
    Conservative = 0,

    /// <summary>The defaults: two open positions (three at high confidence), 300 s cooldown with positions, 30 s signal cooldown.</summary>
    Moderate = 1,

    /// <summary>Three open positions (five at confidence 0.90 and above), 180 s cooldown with positions.</summary>
    Aggressive = 2,
}
