namespace RiskSdk.Redis;

/// <summary>
/// The Lua scripts of the ledger. Each operation is one script, so Redis runs it atomically: no other client's
/// command runs between its check and its write. Every script that can see expired reservations first purges
/// them (the <see cref="Purge"/> prologue), against the Redis server's own clock (<c>TIME</c>), so the clocks of
/// the machines that share the ledger never matter.
/// </summary>
/// <remarks>
/// Common layout: KEYS[1] pending (zset id -> expiry ms), KEYS[2] owners (hash id -> owner), KEYS[3] open (set of
/// position ids), KEYS[4] expired (zset <c>id@owner</c> -> forget-at ms); ARGV[1] how long an expired id is
/// remembered (ms), ARGV[2] how many expired ids a scope remembers at most. Script-specific keys and arguments follow.
/// </remarks>
internal static class LedgerScripts
{
    /// <summary>
    /// Gives back every reservation whose expiry has passed, remembers it for late fills, forgets old memories.
    /// Leaves <c>now</c> (server ms) and <c>gone</c> (the ids given back) in scope for the rest of the script.
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
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
        local excess = redis.call('ZCARD', KEYS[4]) - tonumber(ARGV[2])
        if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[4], 0, excess - 1) end

        """;

    /// <summary>
    /// Reserve with cap. KEYS[5] sequence, KEYS[6] scopes; ARGV[3] cap, ARGV[4] reservation timeout ms, ARGV[5] owner,
    /// ARGV[6] scope. Returns { reserved (1/0), open, pending, id (0 when none), gone }.
    /// </summary>
    public const string Reserve = Purge + """
        redis.call('SADD', KEYS[6], ARGV[6])
        local open = redis.call('SCARD', KEYS[3])
        local pending = redis.call('ZCARD', KEYS[1])
        if open + pending >= tonumber(ARGV[3]) then return { 0, open, pending, 0, gone } end
        local id = redis.call('INCR', KEYS[5])
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), id)
        redis.call('HSET', KEYS[2], id, ARGV[5])
        return { 1, open, pending, id, gone }
        """;

    /// <summary>
    /// Commit. ARGV[3] reservation id, ARGV[4] position id, ARGV[5] owner. Returns { outcome, gone } where outcome is
    /// 1 committed, 2 the position was already open (slot given back), 3 late fill recorded, 4 late fill of an
    /// already open position, 0 unknown reservation.
    /// </summary>
    public const string Commit = Purge + """
        if redis.call('HGET', KEYS[2], ARGV[3]) == ARGV[5] then
          redis.call('ZREM', KEYS[1], ARGV[3])
          redis.call('HDEL', KEYS[2], ARGV[3])
          if redis.call('SADD', KEYS[3], ARGV[4]) == 1 then return { 1, gone } end
          return { 2, gone }
        end
        if redis.call('ZREM', KEYS[4], ARGV[3] .. '@' .. ARGV[5]) == 1 then
          if redis.call('SADD', KEYS[3], ARGV[4]) == 1 then return { 3, gone } end
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
          redis.call('HDEL', KEYS[2], ARGV[3])
          return { 1, gone }
        end
        redis.call('ZREM', KEYS[4], ARGV[3] .. '@' .. ARGV[4])
        return { 0, gone }
        """;

    /// <summary>Close. ARGV[3] position id. Returns { closed (1/0), gone }.</summary>
    public const string Close = Purge + """
        return { redis.call('SREM', KEYS[3], ARGV[3]), gone }
        """;

    /// <summary>Counts. Returns { open, pending, gone }.</summary>
    public const string Counts = Purge + """
        return { redis.call('SCARD', KEYS[3]), redis.call('ZCARD', KEYS[1]), gone }
        """;

    /// <summary>
    /// Reconcile: the open set becomes exactly the broker's ids; pending reservations are kept. KEYS[1] open,
    /// KEYS[2] scopes; ARGV[1] scope, ARGV[2..] the broker's open ids (distinct). Returns { added, removed }.
    /// </summary>
    /// <summary>Whether an exit's position is open. KEYS[1] open; ARGV[1] position id. Returns { open (1/0) }.</summary>
    public const string FindPosition = """
        return { redis.call('SISMEMBER', KEYS[1], ARGV[1]) }
        """;

    public const string Reconcile = """
        local truth = {}
        local added = {}
        for i = 2, #ARGV do
          truth[ARGV[i]] = true
          if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 0 then added[#added + 1] = ARGV[i] end
        end
        local removed = {}
        for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if not truth[id] then removed[#removed + 1] = id end
        end
        for i = 1, #removed, 1000 do
          redis.call('SREM', KEYS[1], unpack(removed, i, math.min(i + 999, #removed)))
        end
        for i = 1, #added, 1000 do
          redis.call('SADD', KEYS[1], unpack(added, i, math.min(i + 999, #added)))
        end
        redis.call('SADD', KEYS[2], ARGV[1])
        return { added, removed }
        """;
}
