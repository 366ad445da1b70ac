using RiskSdk.Positions;
using StackExchange.Redis;

namespace RiskSdk.Redis;

/// <summary>
/// The Redis book's <see cref="IHeldReservations"/>: the reservations this process holds are those whose owner is
/// <see cref="RedisPositionBookOptions.OwnerId"/>, so two processes must not share an owner id.
/// </summary>
public sealed partial class RedisPositionBook : IHeldReservations
{
    /// <inheritdoc/>
    public int? CountHeld() => SumOverScopes("count held reservations", LedgerScripts.CountHeld);

    /// <inheritdoc/>
    public int? ReleaseHeld() => SumOverScopes("release held reservations", LedgerScripts.ReleaseHeld);

    /// <inheritdoc/>
    public bool IsFlushed => _deferred.Count == 0;

    /// <summary>Runs a per-scope script over every scope and adds up its first answer; null as soon as the ledger does not answer.</summary>
    private int? SumOverScopes(string operation, string script)
    {
        var scopes = _ledger.SetMembers("list scopes", _keys.Scopes);
        if (scopes is null)
        {
            return null;
        }

        var total = 0;
        foreach (var member in scopes)
        {
            var scope = member.ToString();
            var result = _ledger.Evaluate(operation, scope, script, _keys.ScopeState(scope), [_memoryMilliseconds, MaxRememberedExpiries, _owner], late => CountExpired(scope, late[1]));
            if (result is null)
            {
                return null;
            }

            CountExpired(scope, result[1]);
            total += (int)result[0];
        }

        return total;
    }
}
