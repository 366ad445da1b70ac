using System.Collections.Generic;

namespace OiTracker.Generation;

/// <summary>An index whose weekly options the model trades, with the figures the generator needs.</summary>
/// <param name="Exchange">Where its options trade.</param>
/// <param name="Name">The index, e.g. NIFTY.</param>
/// <param name="Spot">A plausible level for late 2026.</param>
/// <param name="StrikeStep">The distance between strikes.</param>
/// <param name="LotSize">Units per lot.</param>
/// <param name="Weight">How often the model signals on it, relative to the exchange's other indices.</param>
internal sealed record Underlying(string Exchange, string Name, double Spot, int StrikeStep, int LotSize, double Weight)
{
    /// <summary>The indices of the bundled tape: NSE's three weeklies and BSE's two.</summary>
    public static IReadOnlyList<Underlying> All { get; } =
    [
        new("NSE", "NIFTY", 26150, 50, 75, 0.55),
        new("NSE", "BANKNIFTY", 59400, 100, 35, 0.30),
        new("NSE", "FINNIFTY", 27600, 50, 65, 0.15),
        new("BSE", "SENSEX", 85600, 100, 20, 0.70),
        new("BSE", "BANKEX", 66200, 100, 30, 0.30),
    ];
}
