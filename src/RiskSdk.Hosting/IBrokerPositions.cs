using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;

namespace RiskSdk.Hosting;

/// <summary>
/// The broker's view of the open positions, implemented by the app and registered with
/// <see cref="RiskSdkBuilder.AddBrokerReconciliation{TBroker}"/>. The host reconciles every exchange with it at start
/// and on <see cref="RiskHostingOptions.ReconciliationInterval"/>: the book's open positions become the ones returned
/// (pending reservations are kept), except that fills and closes the book records while the call runs are kept, since
/// the answer may predate them (<see cref="RiskSdk.Positions.IPositionBook.MarkForReconcile"/>).
/// </summary>
public interface IBrokerPositions
{
    /// <summary>The ids of the positions the broker holds open on an exchange, as the app commits them to reservations.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="cancellationToken">Cancelled at <see cref="RiskHostingOptions.ReconciliationTimeout"/> or when the host stops.</param>
    /// <returns>The open position ids. Throw (or let the call time out) when the broker cannot say: nothing then changes.</returns>
    Task<IReadOnlyCollection<string>> GetOpenPositionIdsAsync(string exchange, CancellationToken cancellationToken);
}
