using StackExchange.Redis;

namespace RiskSdk.Redis;

/// <summary>
/// The ledger's key layout under one prefix <c>P</c> (see docs/redis-ledger.md):
/// <c>P</c>sequence (reservation ids), <c>P</c>scopes (every scope seen), <c>P</c>account:open (open positions over every
/// scope, a counter), <c>P</c>account:pending (pending reservations over every scope) and, per scope <c>S</c>,
/// <c>P</c>scope:<c>S</c>:open (set of position ids), :pending (sorted set of reservation id by expiry, server ms),
/// :owners (hash of reservation id to owner), :expired (sorted set of <c>id@owner</c> by when it is forgotten), and the
/// scope's history for reconciling: :version (a counter moved by every open and close), :opened (hash of open position
/// id to the version it opened at) and :closed (sorted set of recently closed position ids by the version they closed at);
/// <c>P</c>trading (hash: the trading state every process shares) and the channel <c>P</c>trading:changes.
/// The kind is the last segment, so no scope name can make two scopes' keys collide.
/// </summary>
internal sealed class LedgerKeys
{
    private readonly string _prefix;

    /// <summary>Creates the layout for one prefix.</summary>
    /// <param name="prefix">The prefix every key starts with.</param>
    public LedgerKeys(string prefix)
    {
        _prefix = prefix;
        Sequence = prefix + "sequence";
        Scopes = prefix + "scopes";
        AccountOpen = prefix + "account:open";
        AccountPending = prefix + "account:pending";
        TradingState = prefix + "trading";
        TradingChanges = RedisChannel.Literal(prefix + "trading:changes");
    }

    /// <summary>The counter reservation ids are drawn from (unique across every process sharing the prefix).</summary>
    public RedisKey Sequence { get; }

    /// <summary>The set of every scope seen.</summary>
    public RedisKey Scopes { get; }

    /// <summary>The account's open positions over every scope (a counter the scripts keep).</summary>
    public RedisKey AccountOpen { get; }

    /// <summary>The account's pending reservations over every scope (sorted set of reservation id by expiry, server ms).</summary>
    public RedisKey AccountPending { get; }

    /// <summary>The hash holding the trading state shared by every process (state, reason, by, origin, at, version).</summary>
    public RedisKey TradingState { get; }

    /// <summary>The channel every move of the shared trading state is published on.</summary>
    public RedisChannel TradingChanges { get; }

    /// <summary>The sorted set of a scope's pending reservation ids, by expiry.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The key.</returns>
    public RedisKey Pending(string scope) => ScopeKey(scope, "pending");

    /// <summary>The set of open position ids of a scope.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The key.</returns>
    public RedisKey Open(string scope) => ScopeKey(scope, "open");

    /// <summary>The keys of a scope's history, in the order the scripts expect them: version, opened, closed.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>Three keys.</returns>
    public RedisKey[] History(string scope) => [ScopeKey(scope, "version"), ScopeKey(scope, "opened"), ScopeKey(scope, "closed")];

    /// <summary>The keys of <see cref="LedgerScripts.Commit"/> and <see cref="LedgerScripts.Close"/>: <see cref="ScopeState"/>, then <see cref="History"/>.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>Nine keys.</returns>
    public RedisKey[] ScopeStateWithHistory(string scope) =>
        [ScopeKey(scope, "pending"), ScopeKey(scope, "owners"), ScopeKey(scope, "open"), ScopeKey(scope, "expired"), AccountOpen, AccountPending,
         ScopeKey(scope, "version"), ScopeKey(scope, "opened"), ScopeKey(scope, "closed")];

    /// <summary>The keys the purge of expired reservations needs, in the order every script expects: pending, owners, open, expired, the account's open count and pending set.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>Six keys; scripts may append their own after them.</returns>
    public RedisKey[] ScopeState(string scope) =>
        [ScopeKey(scope, "pending"), ScopeKey(scope, "owners"), ScopeKey(scope, "open"), ScopeKey(scope, "expired"), AccountOpen, AccountPending];

    /// <summary>The keys of <see cref="LedgerScripts.Reserve"/>: <see cref="ScopeState"/>, the sequence and the scopes.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>Eight keys.</returns>
    public RedisKey[] ReserveState(string scope) =>
        [ScopeKey(scope, "pending"), ScopeKey(scope, "owners"), ScopeKey(scope, "open"), ScopeKey(scope, "expired"), AccountOpen, AccountPending, Sequence, Scopes];

    private RedisKey ScopeKey(string scope, string kind) => $"{_prefix}scope:{scope}:{kind}";
}
