using System;
using Microsoft.Extensions.Logging;
using RiskSdk.Configuration;
using RiskSdk.Positions;

namespace RiskSdk.Redis;

/// <summary>
/// Opens the position book the configuration names, so wiring is one line with the generated settings class:
/// <code>using var book = RiskLedger.Open(settings.Ledger, settings.LedgerConnection, risk.ReservationTimeout, logger: logger);</code>
/// (<c>RISK_LEDGER=memory|redis</c>, <c>RISK_LEDGER_CONNECTION</c>).
/// </summary>
public static class RiskLedger
{
    /// <summary>Opens an in-process book or a Redis ledger.</summary>
    /// <param name="ledger">Where positions are counted (<c>RISK_LEDGER</c>).</param>
    /// <param name="connection">The Redis connection string (<c>RISK_LEDGER_CONNECTION</c>); required for <see cref="RiskLedgerKind.Redis"/>, ignored otherwise.</param>
    /// <param name="reservationTimeout">How long a reservation may stay pending (<see cref="RiskSettings.ReservationTimeout"/>).</param>
    /// <param name="options">Key prefix, owner and timeouts of a Redis ledger; its <see cref="RedisPositionBookOptions.ReservationTimeout"/> is replaced by <paramref name="reservationTimeout"/>.</param>
    /// <param name="logger">Where the book logs; default none.</param>
    /// <returns>The book; dispose it when it is a <see cref="RedisPositionBook"/> (it owns its connection).</returns>
    /// <exception cref="ArgumentException">A Redis ledger without a connection string, a malformed one, or unusable options.</exception>
    public static IPositionBook Open(RiskLedgerKind ledger, string? connection, TimeSpan reservationTimeout, RedisPositionBookOptions? options = null, ILogger? logger = null) => ledger switch
    {
        RiskLedgerKind.Memory => new InMemoryPositionBook(reservationTimeout, logger: logger),
        RiskLedgerKind.Redis when string.IsNullOrWhiteSpace(connection) =>
            throw new ArgumentException("RISK_LEDGER is redis but RISK_LEDGER_CONNECTION is not set: name the Redis server (host:port[,password=...]).", nameof(connection)),
        RiskLedgerKind.Redis => RedisPositionBook.Connect(connection!, (options ?? new RedisPositionBookOptions()) with { ReservationTimeout = reservationTimeout }, logger),
        _ => throw new ArgumentOutOfRangeException(nameof(ledger), ledger, "Unknown position ledger kind."),
    };
}
