using System;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>The settings and intents every decision benchmark uses, so the floor, the runtime and the naive shape decide the same trades.</summary>
public static class DecisionSetup
{
    /// <summary>The exchange every intent is for.</summary>
    public const string Exchange = "NSE";

    /// <summary>
    /// The moderate profile with every optional gate switched on (net-delta cap, drawdown stop), and the time limits
    /// kept out of the way: zero cooldowns, the highest order rate the settings accept (100,000 a second), read on the
    /// <see cref="AcceleratedClock"/>. The cooldown and order-rate checks still run in full on every decision. The
    /// book is built with <see cref="ReservationTimeout"/> rather than this setting's (at most one hour, 36 real
    /// microseconds on that clock).
    /// </summary>
    public static RiskSettings Settings { get; } = new()
    {
        MaxNetDelta = 500,
        SessionDrawdownStop = 50_000,
        SignalCooldown = TimeSpan.Zero,
        CooldownWithPositions = TimeSpan.Zero,
        MaxOrdersPerSecond = RiskSettings.MaxOrdersPerSecondLimit,
    };

    /// <summary>
    /// The in-memory book's reservation timeout: 100 virtual years (about 5 real minutes) on the
    /// <see cref="AcceleratedClock"/>, so no reservation a benchmark or a test holds expires during a run.
    /// </summary>
    public static TimeSpan ReservationTimeout { get; } = TimeSpan.FromDays(36_500);

    /// <summary>A signal every gate passes: confidence 0.82, Kelly 0.22, 2 lots, delta +15, normal regime.</summary>
    public static TradeIntent Passing { get; } = new()
    {
        Exchange = Exchange,
        Symbol = "NIFTY 26000 CE",
        Side = TradeSide.Buy,
        Confidence = 0.82,
        KellyFraction = 0.22,
        Lots = 2,
        Delta = 15,
        Regime = MarketRegime.Normal,
    };

    /// <summary>The same signal at confidence 0.55: refused by the second gate (minimum confidence 0.70).</summary>
    public static TradeIntent LowConfidence { get; } = Passing with { Confidence = 0.55 };

    /// <summary>The passing signal with its exchange spelled <c>" nse"</c>: the same exchange, reached through the identity rule.</summary>
    public static TradeIntent Spelled { get; } = Passing with { Exchange = " nse" };

    /// <summary>Net delta and session P&amp;L the app reports before trading: inside both limits.</summary>
    public const double ReportedNetDelta = 120;

    /// <summary>The session P&amp;L reported: a small loss, well above the drawdown stop.</summary>
    public const double ReportedSessionPnl = -4_000;
}
