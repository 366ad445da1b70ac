using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RiskSdk.Positions;

namespace RiskSdk.Redis;

/// <summary>
/// How a <see cref="RedisPositionBook"/> names its keys, who it says it is, and how long it waits. Every process that
/// shares a set of caps must use the same <see cref="KeyPrefix"/> and the same Redis database.
/// </summary>
public sealed record RedisPositionBookOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "risksdk:";

    /// <summary>
    /// The text every key starts with; processes with the same prefix share caps. Put a hash tag in it (for example
    /// <c>{risk}:</c>) to keep every key in one slot on a Redis Cluster. Default <c>risksdk:</c>.
    /// </summary>
    public string KeyPrefix { get; init; } = DefaultKeyPrefix;

    /// <summary>
    /// Who holds the reservations this book takes, stored beside each one (shown by <c>HGETALL</c> on the owners key,
    /// and checked on commit and release). Default <c>machine:process-id</c>.
    /// </summary>
    public string OwnerId { get; init; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}");

    /// <summary>
    /// How long a reservation may stay neither committed nor released before any process gives its slot back,
    /// measured on the Redis server's clock. Default 30 s (as <see cref="RiskSettings.ReservationTimeout"/>).
    /// </summary>
    public TimeSpan ReservationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The budget of one ledger operation. A call that has no answer by then is treated as failed: a reserve answers
    /// <see cref="ReserveStatus.Unavailable"/> (fail closed). Default 500 ms.
    /// </summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long the id of an expired reservation is remembered so that its late fill is still recorded as an open
    /// position (at most 4096 ids per scope are kept). Default 1 hour.
    /// </summary>
    public TimeSpan ExpiredReservationMemory { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often <see cref="RedisPositionBook.Connect(string, RedisPositionBookOptions?, Microsoft.Extensions.Logging.ILogger?)"/> tries to reconnect a lost connection. Default 1 s.</summary>
    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// True (the default) to share the kill switch of every <see cref="RiskContext"/> built on this book with every
    /// process on the ledger (<see cref="RedisPositionBook.ShareTradingState"/>). Set it to false for a tool that reads
    /// or reconciles the ledger with auto-execution off: it would otherwise halt every process when it starts.
    /// </summary>
    public bool ShareTradingState { get; init; } = true;

    /// <summary>
    /// How often a process whose trading state is shared through the ledger (<see cref="RedisPositionBook.ShareTradingState"/>)
    /// reads it, to catch a change whose message it missed. Changes normally arrive at once by subscription. Default 250 ms.
    /// </summary>
    public TimeSpan TradingStateRefreshInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the shared trading state may go unconfirmed (no reading, write or message) before this process takes it
    /// as unknown and refuses every entry until the ledger answers again (fail closed, <see cref="RiskContext.TradingStateKnown"/>). Must exceed
    /// <see cref="TradingStateRefreshInterval"/>. Default 1 s.
    /// </summary>
    public TimeSpan TradingStateStaleAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The Redis database number; -1 (the default) uses the connection's default database.</summary>
    public int Database { get; init; } = -1;

    /// <summary>
    /// Lists every problem with these options (not just the first). An empty list means they are usable.
    /// </summary>
    /// <returns>One readable sentence per problem, naming the option.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(KeyPrefix))
        {
            problems.Add($"{nameof(KeyPrefix)} must not be empty: it keeps the ledger's keys apart from everything else in the database.");
        }
        else if (KeyPrefix.Trim() != KeyPrefix || KeyPrefix.Any(char.IsControl))
        {
            // "risk: " from a config file with a stray space would silently keep this process's caps apart from every "risk:" process.
            problems.Add($"{nameof(KeyPrefix)} '{KeyPrefix.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)}' starts or ends with white space or holds a control character: processes share caps only when their prefixes are equal to the character, so this one would count alone.");
        }

        if (string.IsNullOrWhiteSpace(OwnerId) || OwnerId.Contains('@', StringComparison.Ordinal) || OwnerId.Any(char.IsControl))
        {
            problems.Add($"{nameof(OwnerId)} must be non-blank text without '@' or control characters (was '{OwnerId?.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)}').");
        }

        RequirePositive(problems, nameof(ReservationTimeout), ReservationTimeout);
        RequirePositive(problems, nameof(OperationTimeout), OperationTimeout);
        RequirePositive(problems, nameof(ExpiredReservationMemory), ExpiredReservationMemory);
        RequirePositive(problems, nameof(ReconnectInterval), ReconnectInterval);
        RequirePositive(problems, nameof(TradingStateRefreshInterval), TradingStateRefreshInterval);
        RequirePositive(problems, nameof(TradingStateStaleAfter), TradingStateStaleAfter);
        if (TradingStateStaleAfter <= TradingStateRefreshInterval)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(TradingStateStaleAfter)} ({TradingStateStaleAfter.TotalMilliseconds} ms) must exceed {nameof(TradingStateRefreshInterval)} ({TradingStateRefreshInterval.TotalMilliseconds} ms): the state is read that often."));
        }

        if (Database < -1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Database)} must be -1 (the connection's default) or a database number (was {Database})."));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> reports any problem, listing all of them.</summary>
    /// <exception cref="ArgumentException">The options are not usable.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Redis position book options: " + string.Join(" ", problems));
        }
    }

    private static void RequirePositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds >= int.MaxValue)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be positive and under 24 days (was {value.TotalMilliseconds} ms)."));
        }
    }
}
