using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk;
using RiskSdk.Hosting;

namespace OrderRouter;

/// <summary>A paper broker: every order fills at once under a new position id; it is also the truth reconciliation reads.</summary>
public sealed class PaperBroker : IBrokerPositions
{
    private readonly ConcurrentDictionary<string, string> _open = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Fills an order.</summary>
    /// <param name="exchange">The exchange, in any spelling RiskSdk accepts ("nse" is NSE).</param>
    /// <returns>The new position's id.</returns>
    public string Fill(string exchange)
    {
        // Kept under the exchange's canonical name, the one reconciliation asks for: kept as typed ("nse"), the answer
        // for "NSE" was empty and reconciliation dropped the open positions from the book, freeing their slots.
        var name = ExchangeName.Parse(exchange).Value;
        var id = name + "-" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _open[id] = name;
        return id;
    }

    /// <summary>Closes a position, only on the exchange that holds it.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="positionId">The position.</param>
    /// <returns>True when it was open on that exchange.</returns>
    public bool Close(string exchange, string positionId) =>
        ExchangeName.TryParse(exchange, out var name) && _open.TryRemove(new KeyValuePair<string, string>(positionId, name.Value));

    /// <inheritdoc/>
    public Task<IReadOnlyCollection<string>> GetOpenPositionIdsAsync(string exchange, CancellationToken cancellationToken)
    {
        var name = ExchangeName.Parse(exchange).Value;
        return Task.FromResult<IReadOnlyCollection<string>>(_open.Where(p => p.Value == name).Select(p => p.Key).ToList());
    }
}
