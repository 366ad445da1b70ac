using System;
using RiskSdk.Configuration;
using RiskSdk.Positions;
using RiskSdk.Redis.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Redis.Tests;

/// <summary>The one-line wiring from the generated configuration (<c>RISK_LEDGER</c>, <c>RISK_LEDGER_CONNECTION</c>).</summary>
[RequiresRedisServer]
public sealed class RiskLedgerTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _fixture;

    /// <summary>Creates the tests over the class's server.</summary>
    /// <param name="fixture">The server.</param>
    public RiskLedgerTests(RedisServerFixture fixture) => _fixture = fixture;

    [LedgerFact]
    public void Memory_opens_an_in_process_book()
    {
        var book = RiskLedger.Open(RiskLedgerKind.Memory, connection: "ignored:1", TimeSpan.FromSeconds(30));

        Assert.IsType<InMemoryPositionBook>(book);
    }

    [LedgerFact]
    public void Redis_opens_a_shared_ledger_with_the_configured_reservation_timeout()
    {
        var options = new RedisPositionBookOptions { KeyPrefix = RedisServerFixture.UniquePrefix(), OperationTimeout = TimeSpan.FromSeconds(5) };

        using var book = Assert.IsType<RedisPositionBook>(RiskLedger.Open(RiskLedgerKind.Redis, _fixture.Server.ConnectionString, TimeSpan.FromSeconds(7), options));

        Assert.Equal(TimeSpan.FromSeconds(7), book.Options.ReservationTimeout);
        Assert.Equal(options.KeyPrefix, book.Options.KeyPrefix);
        Assert.True(book.TryReserve("nse", 1).IsReserved);
    }

    [LedgerFact]
    public void Redis_without_a_connection_string_is_refused_naming_the_variable()
    {
        var problem = Assert.Throws<ArgumentException>(() => RiskLedger.Open(RiskLedgerKind.Redis, connection: null, TimeSpan.FromSeconds(30)));

        Assert.Contains("RISK_LEDGER_CONNECTION", problem.Message, StringComparison.Ordinal);
    }
}
