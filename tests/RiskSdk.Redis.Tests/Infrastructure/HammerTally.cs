using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>What one hammer child says it did (its <c>TALLY</c> line).</summary>
/// <param name="Reserved">Reservations taken.</param>
/// <param name="Committed">Reservations filled.</param>
/// <param name="Released">Reservations given back.</param>
/// <param name="Closed">Positions closed.</param>
/// <param name="AtCapacity">Reserves refused at the cap.</param>
/// <param name="Unavailable">Reserves refused because the ledger did not answer.</param>
/// <param name="Open">The positions it left open.</param>
public sealed record HammerTally(long Reserved, long Committed, long Released, long Closed, long AtCapacity, long Unavailable, IReadOnlyList<string> Open)
{
    /// <summary>Parses a <c>TALLY key=value ...</c> line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The tally.</returns>
    public static HammerTally Parse(string line)
    {
        if (!line.StartsWith("TALLY ", StringComparison.Ordinal))
        {
            throw new FormatException("Not a tally line: " + line);
        }

        var fields = line["TALLY ".Length..].Split(' ').Select(field => field.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        long Number(string name) => long.Parse(fields[name], CultureInfo.InvariantCulture);
        return new HammerTally(
            Number("reserved"),
            Number("committed"),
            Number("released"),
            Number("closed"),
            Number("atcapacity"),
            Number("unavailable"),
            fields["open"].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}
