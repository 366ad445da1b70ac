using System;
using System.Globalization;
using RiskSdk.Monitoring;
using StackExchange.Redis;

namespace RiskSdk.Redis;

/// <summary>
/// The trading state as the ledger holds it: the state, why, who moved it, from which process, when (server time)
/// and the version (incremented by every move, so a process knows which of two readings is newer).
/// </summary>
/// <param name="Version">Moves made so far; 0 when no process ever moved the shared state.</param>
/// <param name="State">The state; a value the ledger holds but this version cannot read is taken as halted.</param>
/// <param name="Reason">Why.</param>
/// <param name="By">Who.</param>
/// <param name="Origin">The process (owner id) that made the move.</param>
/// <param name="AtMilliseconds">When, in Unix milliseconds on the Redis server's clock.</param>
internal readonly record struct LedgerTradingStatus(long Version, TradingState State, string Reason, string By, string Origin, long AtMilliseconds)
{
    /// <summary>The fields of the trading-state hash, in the order <see cref="FromHash"/> reads them.</summary>
    public static readonly RedisValue[] Fields = ["state", "reason", "by", "origin", "at", "version"];

    /// <summary>The name a state is stored under.</summary>
    /// <param name="state">The state.</param>
    /// <returns>Its name in the ledger.</returns>
    public static string Name(TradingState state) => state switch
    {
        TradingState.Active => "Active",
        TradingState.ReducingOnly => "ReducingOnly",
        _ => "Halted",
    };

    /// <summary>The status the trading-state script answered with: { moved, state, reason, by, origin, at, version }.</summary>
    /// <param name="result">The script's result.</param>
    /// <returns>The status in force after the script.</returns>
    public static LedgerTradingStatus FromScript(RedisResult[] result) =>
        Create((string?)result[1], (string?)result[2], (string?)result[3], (string?)result[4], (long)result[5], (long)result[6]);

    /// <summary>The status read from the hash's <see cref="Fields"/>; an absent hash is active at version 0.</summary>
    /// <param name="values">The values, in the order of <see cref="Fields"/>.</param>
    /// <returns>The status.</returns>
    public static LedgerTradingStatus FromHash(RedisValue[] values) => Create(
        values[0].IsNull ? "Active" : (string?)values[0],
        (string?)values[1],
        (string?)values[2],
        (string?)values[3],
        values[4].IsNull ? 0 : (long)values[4],
        values[5].IsNull ? 0 : (long)values[5]);

    /// <summary>Parses a message of the changes channel: <c>version \n state \n by \n origin \n at \n reason</c>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="status">The status, when the message is well formed.</param>
    /// <returns>False for a malformed message.</returns>
    public static bool TryParseMessage(string? message, out LedgerTradingStatus status)
    {
        status = default;
        var parts = message?.Split('\n', 6);
        if (parts is not { Length: 6 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            return false;
        }

        status = Create(parts[1], parts[5], parts[2], parts[3], at, version);
        return true;
    }

    /// <summary>The status as the switch shows it; a move another process made names that process.</summary>
    /// <param name="origin">This process's owner id.</param>
    /// <returns>The status to adopt.</returns>
    public TradingStatus ToStatus(string origin) => new(
        State,
        Reason,
        Origin.Length == 0 || string.Equals(Origin, origin, StringComparison.Ordinal) ? By : By + " (" + Origin + ")",
        DateTimeOffset.FromUnixTimeMilliseconds(AtMilliseconds));

    private static LedgerTradingStatus Create(string? state, string? reason, string? by, string? origin, long at, long version)
    {
        var known = state switch
        {
            "Active" => TradingState.Active,
            "ReducingOnly" => TradingState.ReducingOnly,
            "Halted" => TradingState.Halted,
            _ => (TradingState?)null,
        };
        return known is { } parsed
            ? new LedgerTradingStatus(version, parsed, reason ?? string.Empty, by ?? string.Empty, origin ?? string.Empty, at)
            : new LedgerTradingStatus(version, TradingState.Halted, $"the ledger holds a trading state this version cannot read ('{state}'); halted until it is moved", by ?? string.Empty, origin ?? string.Empty, at);
    }
}
