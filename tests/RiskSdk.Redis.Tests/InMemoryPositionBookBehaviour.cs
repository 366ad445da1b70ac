using System;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Positions;

namespace RiskSdk.Redis.Tests;

/// <summary>The behavioural suite against the reference, in-process book, on a fake clock.</summary>
public sealed class InMemoryPositionBookBehaviour : PositionBookBehaviour
{
    private readonly FakeTimeProvider _time = new();

    /// <inheritdoc/>
    protected override TimeSpan ShortTimeout => TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    protected override IPositionBook CreateBook(TimeSpan reservationTimeout) => new InMemoryPositionBook(reservationTimeout, _time);

    /// <inheritdoc/>
    protected override void LetTimePass(TimeSpan span) => _time.Advance(span);
}
