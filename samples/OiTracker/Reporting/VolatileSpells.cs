using System;
using System.Collections.Generic;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Reporting;

/// <summary>The stretches of a tape whose signals were all flagged high volatility: the caps were scaled down there.</summary>
internal static class VolatileSpells
{
    /// <summary>Finds the spells: from the first to the last signal of each unbroken run of high-volatility signals.</summary>
    /// <param name="events">The tape's events, in time order.</param>
    /// <returns>The spells, in time order.</returns>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Of(IReadOnlyList<TapeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var spells = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        DateTimeOffset? start = null, end = null;
        foreach (var row in events)
        {
            if (row.Kind != TapeEventKind.Signal)
            {
                continue;
            }

            if (row.Regime == MarketRegime.HighVolatility)
            {
                start ??= row.Time;
                end = row.Time;
            }
            else if (start is { } from && end is { } to)
            {
                spells.Add((from, to));
                (start, end) = (null, null);
            }
        }

        if (start is { } lastFrom && end is { } lastTo)
        {
            spells.Add((lastFrom, lastTo));
        }

        return spells;
    }
}
