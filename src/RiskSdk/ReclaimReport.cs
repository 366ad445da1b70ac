namespace RiskSdk;

/// <summary>What <see cref="RiskContext.ReclaimIdleExchanges"/> freed: how many idle exchanges gave up each kind of state.</summary>
/// <param name="Scopes">Position-book scopes freed (nothing open, pending or remembered as expired); 0 when the book keeps no per-exchange state in this process.</param>
/// <param name="Cooldowns">Cooldown stamps freed (the last trade is older than <see cref="RiskSettings.MaxCooldownSeconds"/>).</param>
/// <param name="OrderWindows">Order-rate windows freed (none of the exchange's orders counts any more).</param>
public readonly record struct ReclaimReport(int Scopes, int Cooldowns, int OrderWindows)
{
    /// <summary>Every piece of state freed, of all three kinds.</summary>
    public int Total => Scopes + Cooldowns + OrderWindows;
}
