namespace RiskSdk.Redis;

/// <summary>
/// The Lua scripts of the ledger. Each operation is one script, so Redis runs it atomically: no other client's
/// command runs between its check and its write. Every script that can see expired reservations first purges
/// them (the <see cref="Purge"/> prologue), against the Redis server's own clock (<c>TIME</c>), so the clocks of
/// the machines that share the ledger never matter.
/// </summary>
/// <remarks>
/// Common layout: KEYS[1] pending (zset id -> expiry ms), KEYS[2] owners (hash id -> owner), KEYS[3] open (set of
/// position ids), KEYS[4] expired (zset <c>id@owner</c> -> forget-at ms), KEYS[5] the account's open count (a
/// counter over every scope), KEYS[6] the account's pending reservations (zset id -> expiry ms, over every scope);
/// ARGV[1] how long an expired id is remembered (ms), ARGV[2] how many expired ids a scope remembers at most.
/// Script-specific keys and arguments follow. The account's open count is kept by every script that opens or closes
/// a position, while it exists; when it does not (a ledger written by an older version), the scripts that read it
/// count it once from every scope's open set (<see cref="AccountOpen"/>).
/// </remarks>
internal static partial class LedgerScripts
{
    /// <summary>
    /// Gives back every reservation whose expiry has passed, remembers it for late fills, forgets old memories, and
    /// drops expired reservations of every scope from the account's pending set. Leaves <c>now</c> (server ms) and
    /// <c>gone</c> (the ids given back in this scope) in scope for the rest of the script.
    /// </summary>
    private const string Purge = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
        for _, id in ipairs(gone) do
          local owner = redis.call('HGET', KEYS[2], id) or ''
          redis.call('ZREM', KEYS[1], id)
          redis.call('HDEL', KEYS[2], id)
          redis.call('ZADD', KEYS[4], now + tonumber(ARGV[1]), id .. '@' .. owner)
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now)
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
        local excess = redis.call('ZCARD', KEYS[4]) - tonumber(ARGV[2])
        if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[4], 0, excess - 1) end
        local function opened(count)
          if redis.call('EXISTS', KEYS[5]) == 1 then redis.call('INCRBY', KEYS[5], count) end
        end

        """;

    /// <summary>
    /// A scope's history, for reconciling against a mark (<see cref="MarkReconcile"/>): functions
    /// <c>stamp(version, opened, id)</c> (a position opened: the scope's version counter moves and the hash <c>opened</c>
    /// records the version it opened at) and <c>unstamp(version, opened, closed, id, kept)</c> (a position closed: the
    /// counter moves, the id leaves <c>opened</c> and joins the sorted set <c>closed</c> at that version; the newest
    /// <c>kept</c> closes are kept, <see cref="Positions.ReconcileMark.RememberedCloses"/> as in the in-memory book).
    /// </summary>
    private const string History = """
        local function stamp(version, opened, id)
          redis.call('HSET', opened, id, redis.call('INCR', version))
        end
        local function unstamp(version, opened, closed, id, kept)
          redis.call('HDEL', opened, id)
          redis.call('ZADD', closed, redis.call('INCR', version), id)
          local excess = redis.call('ZCARD', closed) - tonumber(kept)
          if excess > 0 then redis.call('ZREMRANGEBYRANK', closed, 0, excess - 1) end
        end

        """;

    /// <summary>
    /// A function <c>accountOpen(counter, scopes, prefix)</c> answering the account's open count (the key
    /// <c>counter</c>); when the counter does not exist yet it is counted from the open set of every scope in the set
    /// <c>scopes</c> (keys under <c>prefix</c>) and stored, so every later open and close keeps it.
    /// </summary>
    private const string AccountOpen = """
        local function accountOpen(counter, scopes, prefix)
          local counted = redis.call('GET', counter)
          if counted then return tonumber(counted) end
          local total = 0
          for _, scope in ipairs(redis.call('SMEMBERS', scopes)) do
            total = total + redis.call('SCARD', prefix .. 'scope:' .. scope .. ':open')
          end
          redis.call('SET', counter, total)
          return total
        end

        """;

    /// <summary>
    /// Reserve under the scope's cap and, when one is given, the account-wide cap, in one step. KEYS[7] sequence,
    /// KEYS[8] scopes; ARGV[3] cap, ARGV[4] reservation timeout ms, ARGV[5] owner, ARGV[6] scope, ARGV[7] the
    /// account-wide cap or empty for none, ARGV[8] the key prefix. Returns { outcome, open, pending, id (0 when none),
    /// gone, account total (0 when no account-wide cap was given) } where outcome is 1 reserved, 0 the scope is at its
    /// cap, 3 the account is at its cap. Every reservation joins the account's pending set, whatever cap was asked for.
    /// </summary>
    public const string Reserve = Purge + AccountOpen + """
        redis.call('SADD', KEYS[8], ARGV[6])
        local open = redis.call('SCARD', KEYS[3])
        local pending = redis.call('ZCARD', KEYS[1])
        if open + pending >= tonumber(ARGV[3]) then return { 0, open, pending, 0, gone, 0 } end
        local total = 0
        if ARGV[7] ~= '' then
          total = accountOpen(KEYS[5], KEYS[8], ARGV[8]) + redis.call('ZCARD', KEYS[6])
          if total >= tonumber(ARGV[7]) then return { 3, open, pending, 0, gone, total } end
        end
        local id = redis.call('INCR', KEYS[7])
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), id)
        redis.call('ZADD', KEYS[6], now + tonumber(ARGV[4]), id)
        redis.call('HSET', KEYS[2], id, ARGV[5])
        return { 1, open, pending, id, gone, total }
        """;

    /// <summary>
    /// Commit. KEYS[7..9] the scope's history (version, opened, closed); ARGV[3] reservation id, ARGV[4] position id,
    /// ARGV[5] owner. Returns { outcome, gone } where outcome is 1 committed, 2 the position was already open (slot given
    /// back), 3 late fill recorded, 4 late fill of an already open position, 0 unknown reservation.
    /// </summary>
    public const string Commit = Purge + History + """
        if redis.call('HGET', KEYS[2], ARGV[3]) == ARGV[5] then
          redis.call('ZREM', KEYS[1], ARGV[3])
          redis.call('ZREM', KEYS[6], ARGV[3])
          redis.call('HDEL', KEYS[2], ARGV[3])
          if redis.call('SADD', KEYS[3], ARGV[4]) == 1 then opened(1) stamp(KEYS[7], KEYS[8], ARGV[4]) return { 1, gone } end
          return { 2, gone }
        end
        if redis.call('ZREM', KEYS[4], ARGV[3] .. '@' .. ARGV[5]) == 1 then
          if redis.call('SADD', KEYS[3], ARGV[4]) == 1 then opened(1) stamp(KEYS[7], KEYS[8], ARGV[4]) return { 3, gone } end
          return { 4, gone }
        end
        return { 0, gone }
        """;

    /// <summary>
    /// Release. ARGV[3] reservation id, ARGV[4] owner. Returns { released (1/0), gone }. A release of an expired
    /// reservation also forgets it, so a fill that still arrives is not recorded (as the in-memory book does).
    /// </summary>
    public const string Release = Purge + """
        if redis.call('HGET', KEYS[2], ARGV[3]) == ARGV[4] then
          redis.call('ZREM', KEYS[1], ARGV[3])
          redis.call('ZREM', KEYS[6], ARGV[3])
          redis.call('HDEL', KEYS[2], ARGV[3])
          return { 1, gone }
        end
        redis.call('ZREM', KEYS[4], ARGV[3] .. '@' .. ARGV[4])
        return { 0, gone }
        """;

    /// <summary>Close. KEYS[7..9] the scope's history (version, opened, closed); ARGV[3] position id, ARGV[4] how many closes the history keeps. Returns { closed (1/0), gone }.</summary>
    public const string Close = Purge + History + """
        local closed = redis.call('SREM', KEYS[3], ARGV[3])
        if closed == 1 then
          opened(-1)
          unstamp(KEYS[7], KEYS[8], KEYS[9], ARGV[3], ARGV[4])
        end
        return { closed, gone }
        """;

    /// <summary>Counts. Returns { open, pending, gone }.</summary>
    public const string Counts = Purge + """
        return { redis.call('SCARD', KEYS[3]), redis.call('ZCARD', KEYS[1]), gone }
        """;

    /// <summary>
    /// How an exit is verified: whether the position is open in the scope. KEYS[1] the scope's open set; ARGV[1] the
    /// position id. Returns { open (1/0) }.
    /// </summary>
    public const string FindPosition = """
        return { redis.call('SISMEMBER', KEYS[1], ARGV[1]) }
        """;

    /// <summary>
    /// The account's counts over every scope, without visiting the scopes. KEYS[1] the account's open count, KEYS[2]
    /// the account's pending set, KEYS[3] scopes; ARGV[1] the key prefix. Returns { open, pending }.
    /// </summary>
    public const string AccountCounts = AccountOpen + """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
        return { accountOpen(KEYS[1], KEYS[3], ARGV[1]), redis.call('ZCARD', KEYS[2]) }
        """;

    /// <summary>
    /// Where a scope's history stands: the mark a reconcile starts from. KEYS[1] the scope's version counter. Returns
    /// { version } (0 for a scope never written).
    /// </summary>
    public const string MarkReconcile = """
        return { tonumber(redis.call('GET', KEYS[1]) or '0') }
        """;

    /// <summary>
    /// Reconcile against the broker's ids as of a mark: a broker id not open is added unless the book closed it after
    /// the mark (the broker's list may predate that close); an open position the broker does not list is removed unless
    /// it opened after the mark (the broker's list may predate that fill); pending reservations are kept. Additions are
    /// stamped and removals remembered in the history like fills and closes. KEYS[1] open, KEYS[2] scopes, KEYS[3] the
    /// account's open count, KEYS[4..6] the scope's history (version, opened, closed); ARGV[1] scope, ARGV[2] the mark,
    /// ARGV[3] how many closes the history keeps, ARGV[4..] the broker's open ids (distinct). Returns { added, removed, 1 }, or { {}, {}, 0 } changing nothing when
    /// the mark is ahead of the scope's version (it was not taken from this ledger's scope).
    /// </summary>
    public const string Reconcile = History + """
        local mark = tonumber(ARGV[2])
        if mark > tonumber(redis.call('GET', KEYS[4]) or '0') then return { {}, {}, 0 } end
        local truth = {}
        local added = {}
        for i = 4, #ARGV do
          local id = ARGV[i]
          truth[id] = true
          if redis.call('SISMEMBER', KEYS[1], id) == 0 then
            local closedAt = redis.call('ZSCORE', KEYS[6], id)
            if not closedAt or tonumber(closedAt) <= mark then added[#added + 1] = id end
          end
        end
        local removed = {}
        for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if not truth[id] then
            local openedAt = redis.call('HGET', KEYS[5], id)
            if not openedAt or tonumber(openedAt) <= mark then removed[#removed + 1] = id end
          end
        end
        for i = 1, #removed, 1000 do
          redis.call('SREM', KEYS[1], unpack(removed, i, math.min(i + 999, #removed)))
        end
        for i = 1, #added, 1000 do
          redis.call('SADD', KEYS[1], unpack(added, i, math.min(i + 999, #added)))
        end
        for _, id in ipairs(removed) do unstamp(KEYS[4], KEYS[5], KEYS[6], id, ARGV[3]) end
        for _, id in ipairs(added) do stamp(KEYS[4], KEYS[5], id) end
        redis.call('SADD', KEYS[2], ARGV[1])
        if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('INCRBY', KEYS[3], #added - #removed) end
        return { added, removed, 1 }
        """;

    /// <summary>
    /// Moves the shared trading state. KEYS[1] the trading-state hash; ARGV[1] the new state (<c>Active</c>,
    /// <c>ReducingOnly</c>, <c>Halted</c>), ARGV[2] reason, ARGV[3] who, ARGV[4] the process (origin), ARGV[5] <c>1</c>
    /// when a halt latches against it (reduce-only), ARGV[6] the version the mover last saw, or empty to move from any
    /// version, ARGV[7] the channel, ARGV[8] <c>1</c> when a move to the state already held restates it with a new cause.
    /// A move to the state already held (unless it restates it with another reason or author), against a latched halt,
    /// or from a version that is no longer current changes nothing. A move stamps the server's time, increments the version and publishes
    /// <c>version \n state \n by \n origin \n at \n reason</c>. Returns { moved (1/0), state, reason, by, origin, at ms, version }:
    /// the state in force afterwards. An absent hash is <c>Active</c> at version 0.
    /// </summary>
    public const string MoveTradingState = """
        local current = redis.call('HMGET', KEYS[1], 'state', 'reason', 'by', 'origin', 'at', 'version')
        local state = current[1] or 'Active'
        local version = tonumber(current[6] or '0')
        local sameCause = (current[2] or '') == ARGV[2] and (current[3] or '') == ARGV[3]
        if (state == ARGV[1] and (ARGV[8] ~= '1' or sameCause)) or (ARGV[5] == '1' and state == 'Halted') or (ARGV[6] ~= '' and tonumber(ARGV[6]) ~= version) then
          return { 0, state, current[2] or '', current[3] or '', current[4] or '', tonumber(current[5] or '0'), version }
        end
        local clock = redis.call('TIME')
        local at = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        version = version + 1
        redis.call('HSET', KEYS[1], 'state', ARGV[1], 'reason', ARGV[2], 'by', ARGV[3], 'origin', ARGV[4], 'at', at, 'version', version)
        redis.call('PUBLISH', ARGV[7], version .. '\n' .. ARGV[1] .. '\n' .. ARGV[3] .. '\n' .. ARGV[4] .. '\n' .. at .. '\n' .. ARGV[2])
        return { 1, ARGV[1], ARGV[2], ARGV[3], ARGV[4], at, version }
        """;
}
