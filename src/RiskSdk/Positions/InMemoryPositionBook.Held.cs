
namespace RiskSdk.Positions;

/// <summary>The in-process book's <see cref="IHeldReservations"/>: every reservation it holds was taken by this process.</summary>
public sealed partial class InMemoryPositionBook : IHeldReservations
{
    /// <inheritdoc/>
    public int? CountHeld() => GetTotalCounts().Pending;

    /// <inheritdoc/>
    public int? ReleaseHeld()
    {
        var released = 0;
        foreach (var scope in _scopes.Keys)
        {
            if (!_scopes.TryGetValue(scope, out var book))
            {
                continue;
            }

            lock (book)
            {
                released += book.EndAllPending(this);
            }
        }

        return released;
    }

    /// <inheritdoc/>
    /// <remarks>Nothing ever waits in memory.</remarks>
    public bool IsFlushed => true;
}
