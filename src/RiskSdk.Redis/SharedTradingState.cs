using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RiskSdk.Monitoring;
using StackExchange.Redis;
using RiskSdk.Positions;

namespace RiskSdk.Redis;

/// <summary>
/// Keeps one process's <see cref="TradingSwitch"/> in step with the trading state the ledger holds for every process
/// that shares it. A move made here (halt, reduce-only, resume) is written to the ledger in one script and published;
/// a move made elsewhere arrives by subscription and is adopted at once, and a periodic reading catches any message
/// missed. Decisions never wait on Redis for it: the kill switch gate reads the switch, and while this sharing is not
/// <see cref="IsCurrent"/> every entry is refused (fail closed: the context's <see cref="RiskContext.TradingStateKnown"/>,
/// and the book's reserve answers <see cref="ReserveStatus.Unavailable"/>): its
/// state unconfirmed for longer than <see cref="RedisPositionBookOptions.TradingStateStaleAfter"/>, or a move made here
/// not yet written.
/// </summary>
/// <remarks>
/// A move made while the ledger does not answer is kept and written when it answers: a halt always (halts only
/// escalate), a reduce-only or resume only when nobody moved the shared state in between (otherwise the newer move
/// stands and is adopted).
/// </remarks>
internal sealed class SharedTradingState : ITradingStateSharing
{
    private const string LedgerActor = "ledger";

    private readonly TradingSwitch _switch;
    private readonly LedgerConnection _ledger;
    private readonly LedgerKeys _keys;
    private readonly ISubscriber _subscriber;
    private readonly RedisValue _origin;
    private readonly string _originText;
    private readonly TimeSpan _staleAfter;
    private readonly ILogger _logger;
    private readonly object _sync = new();
    private readonly object _writeLock = new();
    private readonly Thread _refresher;
    private readonly ManualResetEventSlim _stopping = new();
    private readonly TimeSpan _refreshInterval;
    private readonly Action<SharedTradingState> _detach;
    private long _version = -1;
    private long _confirmedAt;
    private bool _stale;
    private PendingMove? _pending;
    private bool _disposed;

    /// <summary>Starts sharing: the switch's start state is written when it is not active, else the ledger's state is adopted.</summary>
    /// <param name="tradingSwitch">The switch of one context.</param>
    /// <param name="multiplexer">The connection (its subscriber carries the changes).</param>
    /// <param name="ledger">Runs the commands within the budget.</param>
    /// <param name="keys">The key layout.</param>
    /// <param name="options">The origin, the refresh interval and the staleness bound.</param>
    /// <param name="logger">Where the sharing logs.</param>
    /// <param name="detach">Called once when the sharing is disposed.</param>
    public SharedTradingState(TradingSwitch tradingSwitch, IConnectionMultiplexer multiplexer, LedgerConnection ledger, LedgerKeys keys, RedisPositionBookOptions options, ILogger logger, Action<SharedTradingState> detach)
    {
        _detach = detach;
        _switch = tradingSwitch;
        _ledger = ledger;
        _keys = keys;
        _subscriber = multiplexer.GetSubscriber();
        _originText = options.OwnerId;
        _origin = options.OwnerId;
        _staleAfter = options.TradingStateStaleAfter;
        _logger = logger;

        _switch.Changed += OnChanged;
        Observe(_subscriber.SubscribeAsync(_keys.TradingChanges, OnMessage));
        var start = _switch.Status;
        if (start.State == TradingState.Active)
        {
            Refresh();
        }
        else
        {
            // A process that starts halted (auto-execution off in its settings) halts every process sharing the ledger;
            // one that starts active never moves the ledger: it adopts whatever the ledger holds, an operator's halt included.
            Write(new PendingMove(start, start.State == TradingState.ReducingOnly, Restates: false, ExpectedVersion: null));
        }

        // A thread of its own: a starved thread pool must not leave the state unconfirmed (and entries refused).
        _refreshInterval = options.TradingStateRefreshInterval;
        _refresher = new Thread(RefreshUntilStopped) { IsBackground = true, Name = "RiskSdk.Redis trading state" };
        _refresher.Start();
    }

    /// <summary>
    /// True when the switch is known to hold the ledger's state: confirmed within the staleness bound and no move made
    /// here waiting to be written. Read on the decision path (two volatile reads, no Redis round trip).
    /// </summary>
    public bool IsCurrent
    {
        get
        {
            var confirmed = Volatile.Read(ref _confirmedAt);
            return confirmed != 0 && Volatile.Read(ref _pending) is null && Stopwatch.GetElapsedTime(confirmed) <= _staleAfter;
        }
    }

    /// <summary>True when this sharing keeps <paramref name="tradingSwitch"/> in step.</summary>
    /// <param name="tradingSwitch">A switch.</param>
    /// <returns>Whether it is this sharing's switch.</returns>
    public bool Shares(TradingSwitch tradingSwitch) => ReferenceEquals(_switch, tradingSwitch);

    /// <summary>Stops sharing; the switch keeps its state and is per process again.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _detach(this);
        _switch.Changed -= OnChanged;
        _stopping.Set();
        if (Thread.CurrentThread != _refresher)
        {
            _refresher.Join();
            _stopping.Dispose();
        }
        Observe(_subscriber.UnsubscribeAsync(_keys.TradingChanges, OnMessage));
    }

    private void OnChanged(object? sender, TradingStatusChangedEventArgs change)
    {
        if (change.Adopted || Volatile.Read(ref _disposed))
        {
            return;
        }

        // A restatement (the state held, a new cause: a second halt for another reason) is written too.
        var status = change.Current;
        Write(new PendingMove(status, status.State == TradingState.ReducingOnly, Restates: true, ExpectedVersion: null), madeNow: true);
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (!LedgerTradingStatus.TryParseMessage(message, out var status))
        {
            return;
        }

        lock (_sync)
        {
            // A move made here waits to be written: the next refresh writes it, then adopts what the ledger holds.
            if (_pending is null && status.Version > _version)
            {
                Adopt(status);
            }
        }
    }

    private void RefreshUntilStopped()
    {
        while (!_stopping.Wait(_refreshInterval))
        {
            Refresh();
        }
    }

    /// <summary>
    /// Writes a waiting move, then reads the ledger's state and adopts it when it is newer. Runs under the write lock,
    /// so a reading is never older than a move this process has written.
    /// </summary>
    private void Refresh()
    {
        lock (_writeLock)
        {
            PendingMove? pending;
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                pending = _pending;
            }

            if (pending is { } move && !WriteInOrder(move, madeNow: false))
            {
                CheckStaleness();
                return;
            }

            var values = _ledger.HashGet("read trading state", _keys.TradingState, LedgerTradingStatus.Fields);
            if (values is null)
            {
                CheckStaleness();
                return;
            }

            var status = LedgerTradingStatus.FromHash(values);
            TradingStatus? restore = null;
            lock (_sync)
            {
                if (status.Version < _version)
                {
                    // The ledger lost its trading state (a Redis restarted without persistence): a halt held here is
                    // written back rather than silently lifted.
                    RedisLedgerLog.TradingStateLost(_logger, _version, status.Version, _switch.State);
                    _version = status.Version;
                    if (_switch.State != TradingState.Active)
                    {
                        restore = _switch.Status;
                    }
                }

                if (restore is null)
                {
                    Confirm(status);
                }
            }

            if (restore is { } held)
            {
                WriteInOrder(new PendingMove(held, held.State == TradingState.ReducingOnly, Restates: false, ExpectedVersion: null), madeNow: false);
            }
        }
    }

    /// <summary>
    /// Writes a move; when the ledger does not answer, keeps it to be written later (the newest move made here is the
    /// one kept). Writes are made one at a time, so the ledger takes this process's moves in the order they were made.
    /// </summary>
    /// <param name="move">The move.</param>
    /// <param name="madeNow">True for a move just made here: once written it supersedes any older one still kept.</param>
    /// <returns>True when the ledger answered.</returns>
    private bool Write(PendingMove move, bool madeNow = false)
    {
        lock (_writeLock)
        {
            return WriteInOrder(move, madeNow);
        }
    }

    private bool WriteInOrder(PendingMove move, bool madeNow)
    {
        var status = move.Status;
        var result = _ledger.Evaluate(
            "move trading state",
            LedgerTradingStatus.Name(status.State),
            LedgerScripts.MoveTradingState,
            [_keys.TradingState],
            [
                LedgerTradingStatus.Name(status.State),
                status.Reason,
                status.ChangedBy,
                _origin,
                move.Latches ? "1" : "0",
                move.ExpectedVersion is { } expected ? expected.ToString(CultureInfo.InvariantCulture) : string.Empty,
                _keys.TradingChanges.ToString(),
                move.Restates ? "1" : "0",
            ]);
        lock (_sync)
        {
            if (_disposed)
            {
                return result is not null;
            }

            if (result is null)
            {
                // The newest move made here is what is written later; a halt moves from any version, others only from the one seen now.
                _pending = status.State == TradingState.Halted || move.ExpectedVersion is not null
                    ? move
                    : move with { ExpectedVersion = Math.Max(_version, 0) };
                RedisLedgerLog.TradingStateMoveDeferred(_logger, status.State, status.Reason);
                return false;
            }

            if (madeNow || ReferenceEquals(_pending, move))
            {
                _pending = null;
            }

            if ((long)result[0] == 0 && move.ExpectedVersion is not null)
            {
                RedisLedgerLog.TradingStateMoveSuperseded(_logger, status.State, status.Reason);
            }

            // A move just made here and taken by the ledger is what the switch already holds: record its version
            // without adopting it again (an adoption counts as another request, see RiskContext.ApplySettings).
            var answered = LedgerTradingStatus.FromScript(result);
            if (madeNow && (long)result[0] == 1)
            {
                _version = Math.Max(_version, answered.Version);
            }

            Confirm(answered);
            return true;
        }
    }

    /// <summary>Records a reading of the ledger and adopts it when it is newer than what the switch holds. Called under the lock.</summary>
    private void Confirm(in LedgerTradingStatus status)
    {
        if (status.Version > _version)
        {
            Adopt(status);
        }

        Volatile.Write(ref _confirmedAt, Stopwatch.GetTimestamp());
        if (_stale)
        {
            _stale = false;
            RedisLedgerLog.TradingStateKnown(_logger, status.State);
        }
    }

    /// <summary>Adopts the ledger's state. Called under the lock, so two readings are adopted in the order they were taken.</summary>
    private void Adopt(in LedgerTradingStatus status)
    {
        _version = status.Version;
        _switch.Adopt(status.Version == 0
            ? new TradingStatus(status.State, "no process has moved the shared trading state", LedgerActor, DateTimeOffset.UtcNow)
            : status.ToStatus(_originText));
    }

    private void CheckStaleness()
    {
        lock (_sync)
        {
            if (!_disposed && !_stale && !IsCurrent)
            {
                _stale = true;
                RedisLedgerLog.TradingStateUnknown(_logger, _staleAfter.TotalSeconds);
            }
        }
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static finished => _ = finished.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>A move made here that the ledger has not taken yet.</summary>
    /// <param name="Status">The move.</param>
    /// <param name="Latches">True for a reduce-only, which a halt latches against.</param>
    /// <param name="Restates">
    /// True for a call made here: when the ledger already holds the state, the move still records its cause if that
    /// differs. False for the start-up state and a halt written back after a data loss, which leave a cause in place.
    /// </param>
    /// <param name="ExpectedVersion">The version it may move from; null to move from any.</param>
    private sealed record PendingMove(TradingStatus Status, bool Latches, bool Restates, long? ExpectedVersion);
}
