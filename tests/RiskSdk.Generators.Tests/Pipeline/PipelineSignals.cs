using System;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>Settings and signals the generated-pipeline tests decide with.</summary>
internal static class PipelineSignals
{
    /// <summary>The defaults with the time limits out of the way: no cooldowns, the highest order rate allowed.</summary>
    public static RiskSettings Unthrottled { get; } = new()
    {
        SignalCooldown = TimeSpan.Zero,
        CooldownWithPositions = TimeSpan.Zero,
        MaxOrdersPerSecond = RiskSettings.MaxOrdersPerSecondLimit,
    };

    /// <summary>A two-lot signal on NSE at <paramref name="confidence"/>; every other gate passes it.</summary>
    public static TradeIntent Signal(double confidence) =>
        new() { Exchange = "NSE", Symbol = "NIFTY", Confidence = confidence, KellyFraction = 0.2, Lots = 2, Delta = 0.5 };
}
