using Microsoft.Extensions.Logging;
using RiskSdk;
using RiskSdk.Configuration;
using RiskSdk.Hosting;
using RiskSdk.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Lets a hosted RiskSdk account (RiskSdk.Hosting's <c>AddRiskSdk</c>) count its positions in Redis.</summary>
public static class RiskSdkBuilderRedisExtensions
{
    /// <summary>
    /// Makes the Redis ledger available to the account: it is used when <c>RISK_LEDGER=redis</c>, connecting with
    /// <c>RISK_LEDGER_CONNECTION</c>, or always when <paramref name="connectionString"/> is given; the account's kill
    /// switch is then shared with every process on the ledger (the context shares it, the book being an
    /// <see cref="RiskSdk.Monitoring.ITradingStateStore"/>, and a stopping host stops the sharing before its own halt). A Redis that does not
    /// answer at start is reported and new positions are refused with <see cref="RejectionReason.LedgerUnavailable"/>
    /// until it answers (or start fails, with <see cref="RiskHostingOptions.RequireLedgerAtStart"/>).
    /// </summary>
    /// <param name="builder">The account's builder.</param>
    /// <param name="connectionString">A connection string that forces the Redis ledger whatever <c>RISK_LEDGER</c> says; null follows the settings.</param>
    /// <param name="options">Key prefix, owner and timeouts (the reservation timeout always follows the settings); default <see cref="RedisPositionBookOptions"/> with the key prefix <c>risksdk:{account}:</c> for a named account, so two accounts never share caps by accident.</param>
    /// <returns>The builder.</returns>
    public static RiskSdkBuilder UseRedisLedger(this RiskSdkBuilder builder, string? connectionString = null, RedisPositionBookOptions? options = null)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        return builder.Configure(hosting =>
        {
            hosting.SharedLedger = request => RedisPositionBook.Connect(request.ConnectionString, ForAccount(options, request), request.Loggers.CreateLogger("RiskSdk.Redis"));
            if (connectionString is not null)
            {
                hosting.Ledger = RiskLedgerKind.Redis;
                hosting.LedgerConnection = connectionString;
            }
        });
    }

    private static RedisPositionBookOptions ForAccount(RedisPositionBookOptions? options, LedgerRequest request) =>
        (options ?? (request.Account.Length == 0 ? new RedisPositionBookOptions() : new RedisPositionBookOptions { KeyPrefix = RedisPositionBookOptions.DefaultKeyPrefix + request.Account + ":" }))
        with { ReservationTimeout = request.Settings.ReservationTimeout };
}
