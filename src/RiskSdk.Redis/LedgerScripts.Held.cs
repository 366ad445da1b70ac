using RiskSdk.Positions;

namespace RiskSdk.Redis;

/// <summary>The scripts of <see cref="RiskSdk.Positions.IHeldReservations"/>: the pending reservations of one owner in one scope.</summary>
internal static partial class LedgerScripts
{
    /// <summary>Counts the owner's pending reservations. ARGV[3] owner. Returns { held, gone }.</summary>
    public const string CountHeld = Purge + """
        local held = 0
        local owners = redis.call('HGETALL', KEYS[2])
        for i = 1, #owners, 2 do
          if owners[i + 1] == ARGV[3] then held = held + 1 end
        end
        return { held, gone }
        """;

    /// <summary>
    /// Gives back the owner's pending reservations without remembering them, so a fill that still arrives for one is
    /// ignored (as after a release). ARGV[3] owner. Returns { released, gone }.
    /// </summary>
    public const string ReleaseHeld = Purge + """
        local released = 0
        local owners = redis.call('HGETALL', KEYS[2])
        for i = 1, #owners, 2 do
          if owners[i + 1] == ARGV[3] then
            redis.call('ZREM', KEYS[1], owners[i])
            redis.call('HDEL', KEYS[2], owners[i])
            released = released + 1
          end
        end
        return { released, gone }
        """;
}
