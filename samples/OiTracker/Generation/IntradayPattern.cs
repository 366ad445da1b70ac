using System;
using RiskSdk;

namespace OiTracker.Generation;

/// <summary>
/// How busy the model is through the day, as a multiple of its average rate: a burst after the open, a quiet lunch,
/// a high-volatility spell after lunch (signals flagged <see cref="MarketRegime.HighVolatility"/>), a busy last hour,
/// and no new entries after 15:10, when the tracker stops opening positions before the 15:20 square-off.
/// </summary>
internal static class IntradayPattern
{
    /// <summary>No new entries from this time on.</summary>
    public static readonly TimeSpan LastEntry = new(15, 10, 0);

    /// <summary>Every position still open is squared off at this time (an exit with reason time).</summary>
    public static readonly TimeSpan SquareOff = new(15, 20, 0);

    /// <summary>The high-volatility spell: start.</summary>
    public static readonly TimeSpan VolatileFrom = new(13, 5, 0);

    /// <summary>The high-volatility spell: end.</summary>
    public static readonly TimeSpan VolatileUntil = new(13, 50, 0);

    /// <summary>The activity multiple at a time of day.</summary>
    /// <param name="timeOfDay">IST time of day.</param>
    /// <returns>The multiple of the average signal rate; zero outside entry hours.</returns>
    public static double Activity(TimeSpan timeOfDay) => timeOfDay switch
    {
        _ when timeOfDay < new TimeSpan(9, 15, 0) || timeOfDay >= LastEntry => 0,
        _ when timeOfDay < new TimeSpan(9, 45, 0) => 2.4,
        _ when timeOfDay < new TimeSpan(11, 30, 0) => 1.0,
        _ when timeOfDay < VolatileFrom => 0.3,
        _ when timeOfDay < VolatileUntil => 2.2,
        _ when timeOfDay < new TimeSpan(14, 30, 0) => 0.7,
        _ => 1.5,
    };

    /// <summary>The regime at a time of day.</summary>
    /// <param name="timeOfDay">IST time of day.</param>
    /// <returns>High volatility inside the spell, else normal.</returns>
    public static MarketRegime Regime(TimeSpan timeOfDay) =>
        timeOfDay >= VolatileFrom && timeOfDay < VolatileUntil ? MarketRegime.HighVolatility : MarketRegime.Normal;
}
