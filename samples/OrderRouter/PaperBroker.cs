using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Hosting;

namespace OrderRouter;

/// <summary>A paper broker: every order fills at once under a new position id; it is also the truth reconciliation reads.</summary>
public sealed class PaperBroker : IBrokerPositions
{
    private readonly ConcurrentDictionary<string, string> _open = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Fills an order.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The new position's id.</returns>
    public string Fill(string exchange)
    {
        var id = exchange + "-" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _open[id] = exchange;
        return id;
    }

    /// <summary>Closes a position.</summary>
    /// <param name="positionId">The position.</param>
    /// <returns>True when it was open.</returns>
    public bool Close(string positionId) => _open.TryRemove(positionId, out _);

    /// <inheritdoc/>
    public Task<IReadOnlyCollection<string>> GetOpenPositionIdsAsync(string exchange, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>(_open.Where(p => p.Value == exchange).Select(p => p.Key).ToList());
}
