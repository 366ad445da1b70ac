using System;
using System.Collections.Generic;
using Microsoft.Extensions.Time.Testing;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>
/// One trading world for the equivalence test: a context on a fake clock and the positions the app holds. Two worlds
/// driven by the same random script must stay identical when their pipelines decide alike.
/// </summary>
internal sealed class PipelineWorld : IDisposable
{
    private readonly List<Reservation> _pending = new();
    private readonly List<(string Exchange, string Position)> _open = new();
    private int _nextPosition;

    public PipelineWorld(RiskSettings settings)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 45, 0, TimeSpan.Zero));
        Context = new RiskContext(settings, timeProvider: Clock);
    }

    public FakeTimeProvider Clock { get; }

    public RiskContext Context { get; }

    public void Hold(Reservation reservation)
    {
        if (reservation.HoldsSlot)
        {
            _pending.Add(reservation);
        }
    }

    /// <summary>Fills (or, when <paramref name="fill"/> is false, releases) the pending reservation at <paramref name="pick"/> modulo their count.</summary>
    public void EndPending(int pick, bool fill)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var reservation = _pending[pick % _pending.Count];
        _pending.Remove(reservation);
        if (fill)
        {
            var position = "P" + _nextPosition++;
            if (reservation.Commit(position))
            {
                _open.Add((reservation.Scope!, position));
            }
        }
        else
        {
            reservation.Release();
        }
    }

    public void CloseOpen(int pick)
    {
        if (_open.Count == 0)
        {
            return;
        }

        var (exchange, position) = _open[pick % _open.Count];
        _open.RemoveAt(pick % _open.Count);
        Context.Book.Close(exchange, position);
    }

    public void Dispose() => Context.Dispose();
}
