using System;
using System.Threading;
using RiskSdk.Monitoring;

namespace RiskSdk.Redis;

/// <summary>
/// The Redis book's <see cref="ITradingStateStore"/>: the kill switch's state lives in the ledger, so a
/// <see cref="RiskContext"/> built on this book shares its switch with every process on the ledger (unless
/// <see cref="RedisPositionBookOptions.ShareTradingState"/> is false).
/// </summary>
public sealed partial class RedisPositionBook : ITradingStateStore
{
    private readonly object _sharingLock = new();
    private SharedTradingState[] _sharing = [];

    /// <summary>
    /// Shares a kill switch with every process using this ledger (same Redis database and key prefix): a halt,
    /// reduce-only or resume made in any of them reaches all at once by subscription (within
    /// <see cref="RedisPositionBookOptions.TradingStateRefreshInterval"/> if a message is missed), and the state survives
    /// restarts. A switch that starts halted (auto-execution off in the settings) halts them all; one that starts active
    /// adopts the ledger's state and never lifts a halt. While the shared state is not confirmed for longer than
    /// <see cref="RedisPositionBookOptions.TradingStateStaleAfter"/> (<see cref="ITradingStateSharing.IsCurrent"/> false),
    /// this book refuses new positions and a context on it refuses every entry. A
    /// <see cref="RiskContext"/> on this book calls this itself; see docs/redis-ledger.md.
    /// </summary>
    /// <param name="tradingSwitch">The switch, usually <see cref="RiskContext.Switch"/>.</param>
    /// <returns>The sharing: <see cref="ITradingStateSharing.IsCurrent"/> says whether the switch holds the ledger's state now; dispose it to stop sharing (the switch is then per process again, for example so that a host's halt at shutdown stays its own). A switch is shared once: sharing it again returns the same handle.</returns>
    public ITradingStateSharing ShareTradingState(TradingSwitch tradingSwitch)
    {
        ArgumentNullException.ThrowIfNull(tradingSwitch);
        lock (_sharingLock)
        {
            foreach (var existing in _sharing)
            {
                if (existing.Shares(tradingSwitch))
                {
                    return existing;
                }
            }

            var sharing = new SharedTradingState(tradingSwitch, _multiplexer, _ledger, _keys, Options, _logger, Detach);
            _sharing = [.. _sharing, sharing];
            return sharing;
        }
    }

    /// <inheritdoc/>
    ITradingStateSharing? ITradingStateStore.ShareTradingState(TradingSwitch tradingSwitch) =>
        Options.ShareTradingState ? ShareTradingState(tradingSwitch) : null;

    /// <summary>False while a shared trading state is not known to be current: new positions are then refused.</summary>
    private bool TradingStateCurrent()
    {
        foreach (var sharing in Volatile.Read(ref _sharing))
        {
            if (!sharing.IsCurrent)
            {
                return false;
            }
        }

        return true;
    }

    private void Detach(SharedTradingState sharing)
    {
        lock (_sharingLock)
        {
            _sharing = Array.FindAll(_sharing, other => !ReferenceEquals(other, sharing));
        }
    }

}
