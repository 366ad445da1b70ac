using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RiskSdk.Monitoring;
using RiskSdk.Positions;
using StackExchange.Redis;

namespace RiskSdk.Redis;

/// <summary>
/// An <see cref="IPositionBook"/> kept in Redis, so any number of processes on any number of machines share one set
/// of caps. Reserve, commit, release, close and reconcile are each one Lua script (atomic in Redis: two processes
/// never both take the last slot); expired reservations are given back inside the scripts against the Redis
/// server's clock; reservations carry their owner and expiry; positions are keyed by id, so duplicate fills and
/// closes are idempotent.
/// </summary>
/// <remarks>
/// Never throws for the ledger: when Redis is unreachable or slower than <see cref="RedisPositionBookOptions.OperationTimeout"/>,
/// <see cref="TryReserve(string, int, int)"/> answers <see cref="ReserveStatus.Unavailable"/> (the pipeline rejects with
/// <see cref="RejectionReason.LedgerUnavailable"/>), reads answer empty or <see cref="ScopeCounts.Unavailable"/>, and
/// fills, releases and closes are kept in order and replayed when Redis answers again, before any new reservation.
/// <see cref="ExpiredReservations"/>, <see cref="IgnoredOperations"/> and <see cref="LateFills"/> count what this
/// process saw; the ledger itself is shared.
/// </remarks>
public sealed partial class RedisPositionBook : IPositionBook, IDisposable
{
    private const int MaxRememberedExpiries = 4096;

    private readonly IConnectionMultiplexer _multiplexer;
    private readonly bool _ownsMultiplexer;
    private readonly LedgerConnection _ledger;
    private readonly LedgerKeys _keys;
    private readonly DeferredOperations _deferred;
    private readonly ILogger _logger;
    private readonly RedisValue _owner;
    private readonly RedisValue _prefix;
    private readonly RedisValue _timeoutMilliseconds;
    private readonly RedisValue _memoryMilliseconds;
    private readonly double _timeoutSeconds;
    private readonly ReservationIssuer _issuer;
    private long _expired;
    private long _ignored;
    private long _lateFills;

    /// <summary>Creates a book over a connection the caller owns (and disposes).</summary>
    /// <param name="multiplexer">The connection. For fail-fast behaviour while Redis is down, configure it as <see cref="Connect(string, RedisPositionBookOptions?, ILogger?)"/> does.</param>
    /// <param name="options">Key prefix, owner and timeouts; default <see cref="RedisPositionBookOptions"/>.</param>
    /// <param name="logger">Where failures, expiries and ignored operations are logged; default none.</param>
    /// <exception cref="ArgumentException">The options are not usable (every problem is listed).</exception>
    public RedisPositionBook(IConnectionMultiplexer multiplexer, RedisPositionBookOptions? options = null, ILogger? logger = null)
        : this(multiplexer, options ?? new RedisPositionBookOptions(), logger, ownsMultiplexer: false)
    {
    }

    private RedisPositionBook(IConnectionMultiplexer multiplexer, RedisPositionBookOptions options, ILogger? logger, bool ownsMultiplexer)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        _multiplexer = multiplexer;
        _ownsMultiplexer = ownsMultiplexer;
        _logger = logger ?? NullLogger.Instance;
        _ledger = new LedgerConnection(multiplexer, options.Database, options.OperationTimeout, _logger);
        _deferred = new DeferredOperations(Execute, () => _ledger.IsAnswering);
        _keys = new LedgerKeys(options.KeyPrefix);
        _prefix = options.KeyPrefix;
        Options = options;
        _owner = options.OwnerId;
        _timeoutMilliseconds = (long)Math.Ceiling(options.ReservationTimeout.TotalMilliseconds);
        _memoryMilliseconds = (long)Math.Ceiling(options.ExpiredReservationMemory.TotalMilliseconds);
        _timeoutSeconds = options.ReservationTimeout.TotalSeconds;
        _issuer = new ReservationIssuer(this);
    }

    /// <summary>The options this book was created with.</summary>
    public RedisPositionBookOptions Options { get; }

    /// <inheritdoc/>
    /// <remarks>Empty, <see cref="BookNameCollection.Unavailable"/> and logged when the ledger does not answer.</remarks>
    public BookNameCollection Scopes => ToNames(_ledger.SetMembers("list scopes", _keys.Scopes));

    /// <inheritdoc/>
    /// <remarks>Counts the expiries this process gave back; other processes count theirs.</remarks>
    public long ExpiredReservations => Interlocked.Read(ref _expired);

    /// <inheritdoc/>
    public long IgnoredOperations => Interlocked.Read(ref _ignored);

    /// <summary>Fills this process recorded after their reservation had expired; each is an open position.</summary>
    public long LateFills => Interlocked.Read(ref _lateFills);

    /// <summary>Fills, releases and closes waiting for the ledger to answer again.</summary>
    public int DeferredOperationCount => _deferred.Count;

    /// <summary>
    /// Connects to Redis and creates a book that owns the connection (disposing the book closes it). The connection
    /// starts even while Redis is down (reserves answer Unavailable until it is up), fails fast instead of queueing
    /// while disconnected, reconnects every <see cref="RedisPositionBookOptions.ReconnectInterval"/>, and each
    /// operation waits at most <see cref="RedisPositionBookOptions.OperationTimeout"/> for an answer.
    /// </summary>
    /// <param name="connectionString">A StackExchange.Redis configuration string, for example <c>redis.internal:6379,password=...,ssl=true</c> (the value of <c>RISK_LEDGER_CONNECTION</c>).</param>
    /// <param name="options">Key prefix, owner and timeouts; default <see cref="RedisPositionBookOptions"/>.</param>
    /// <param name="logger">Where failures, expiries and ignored operations are logged; default none.</param>
    /// <returns>The book.</returns>
    /// <exception cref="ArgumentException">The connection string is blank or malformed (every problem is named: a port that is not a number, no host, a URI, an unknown option, a host after an option such as the tail of a password that holds ','; no secret is quoted), or the options are not usable.</exception>
    public static RedisPositionBook Connect(string connectionString, RedisPositionBookOptions? options = null, ILogger? logger = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The Redis ledger connection string is empty; set it (for example RISK_LEDGER_CONNECTION=host:6379,password=...).", nameof(connectionString));
        }

        options ??= new RedisPositionBookOptions();
        options.EnsureValid();
        // Every problem named, none of it quoting a password (the string may hold one).
        var configuration = LedgerConnectionString.Parse(connectionString);

        var budget = (int)Math.Ceiling(options.OperationTimeout.TotalMilliseconds);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry((int)Math.Ceiling(options.ReconnectInterval.TotalMilliseconds));
        configuration.SyncTimeout = budget;

        // The book stops waiting after the budget on its own; the client keeps listening until the reservation would
        // have expired anyway, so a reserve that answers late is seen and its slot given back at once.
        configuration.AsyncTimeout = Math.Max(budget, (int)Math.Ceiling(options.ReservationTimeout.TotalMilliseconds));
        // The client's connect log is the only place it says why a first connection never came up (a wrong password,
        // a server that does not speak Redis): kept so the book can say it once instead of only "not answering".
        using var connectLog = new System.IO.StringWriter(CultureInfo.InvariantCulture);
        var multiplexer = ConnectionMultiplexer.Connect(configuration, connectLog);
        var book = new RedisPositionBook(multiplexer, options, logger, ownsMultiplexer: true);
        if (!multiplexer.IsConnected)
        {
            book._ledger.ReportFirstConnectionFailed(connectLog.ToString());
        }

        return book;
    }

    /// <inheritdoc/>
    [PositionLimitCheck]
    public ReserveOutcome TryReserve(string scope, int cap) => TryReserve(scope, cap, int.MaxValue);

    /// <inheritdoc/>
    /// <remarks>The scope's cap and the account-wide cap are checked and the slot taken in one script.</remarks>
    [PositionLimitCheck]
    public ReserveOutcome TryReserve(string scope, int cap, int totalCap)
    {
        scope = ExchangeName.Parse(scope, nameof(scope)).Value;
        if (_deferred.Count > 0 || !TradingStateCurrent())
        {
            // A waiting close may free a slot and a waiting fill must count first: decide after the replay. A trading
            // state not confirmed by the ledger may hide a halt made elsewhere: decide once it is confirmed.
            return new ReserveOutcome(ReserveStatus.Unavailable, default, 0, 0);
        }

        var result = _ledger.Evaluate(
            "reserve",
            scope,
            LedgerScripts.Reserve,
            _keys.ReserveState(scope),
            [_memoryMilliseconds, MaxRememberedExpiries, cap, _timeoutMilliseconds, _owner, scope, totalCap == int.MaxValue ? RedisValue.EmptyString : totalCap, _prefix],
            late => GiveBackLateReservation(scope, late));
        if (result is null)
        {
            return new ReserveOutcome(ReserveStatus.Unavailable, default, 0, 0);
        }

        CountExpired(scope, result[4]);
        int open = (int)result[1], pending = (int)result[2];
        return (int)result[0] switch
        {
            1 => new ReserveOutcome(ReserveStatus.Reserved, _issuer.Issue(scope, (long)result[3]), open, pending, (int)result[5]),
            3 => new ReserveOutcome(ReserveStatus.AtTotalCapacity, default, open, pending, (int)result[5]),
            _ => new ReserveOutcome(ReserveStatus.AtCapacity, default, open, pending, (int)result[5]),
        };
    }

    /// <inheritdoc/>
    /// <remarks>When the ledger does not answer, the fill is kept and replayed when it does; this call then returns false.</remarks>
    public bool Commit(in Reservation reservation, string positionId)
    {
        PositionId.Require(positionId);
        if (!_issuer.Issued(in reservation) || reservation.Scope is null)
        {
            return Ignore("fill", reservation.Scope ?? "(none)", positionId);
        }

        return Run(new DeferredOperation(DeferredKind.Commit, reservation.Scope, reservation.Id, positionId)) == true;
    }

    /// <inheritdoc/>
    /// <remarks>When the ledger does not answer, the release is kept and replayed when it does; this call then returns false.</remarks>
    public bool Release(in Reservation reservation)
    {
        if (!_issuer.Issued(in reservation) || reservation.Scope is null)
        {
            return false;
        }

        return Run(new DeferredOperation(DeferredKind.Release, reservation.Scope, reservation.Id, null)) == true;
    }

    /// <inheritdoc/>
    /// <remarks>When the ledger does not answer, the close is kept and replayed when it does; this call then returns false.</remarks>
    public bool Close(string scope, string positionId)
    {
        scope = ExchangeName.Parse(scope, nameof(scope)).Value;
        PositionId.Require(positionId);
        return Run(new DeferredOperation(DeferredKind.Close, scope, 0, positionId)) == true;
    }

    /// <inheritdoc/>
    /// <remarks>The mark is the scope's version in the ledger, moved by every fill and close of every process. <see cref="ReconcileMark.Unavailable"/> when the ledger does not answer or operations wait to be replayed.</remarks>
    public ReconcileMark MarkForReconcile(string scope)
    {
        scope = ExchangeName.Parse(scope, nameof(scope)).Value;
        var result = _deferred.Count == 0
            ? _ledger.Evaluate("mark for reconcile", scope, LedgerScripts.MarkReconcile, [_keys.History(scope)[0]], [])
            : null;
        return result is null ? new ReconcileMark(scope, 0) { Unavailable = true } : new ReconcileMark(scope, (long)result[0]);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One script decides and applies it against the ledger's history, so fills and closes of every process after the
    /// mark count. When the ledger does not answer, operations wait to be replayed, or the mark is unavailable, nothing
    /// changes and the report says <see cref="ReconcileReport.Unavailable"/> (the failure is logged); reconcile again later.
    /// </remarks>
    public ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds)
    {
        var scope = ExchangeName.Parse(mark.Scope, nameof(mark)).Value;
        var truth = PositionId.RequireAll(brokerOpenPositionIds);

        if (mark.Unavailable)
        {
            return new ReconcileReport(scope, Array.Empty<string>(), Array.Empty<string>()) { Unavailable = true };
        }

        var arguments = new RedisValue[truth.Count + 3];
        arguments[0] = scope;
        arguments[1] = mark.Version;
        arguments[2] = ReconcileMark.RememberedCloses;
        var next = 3;
        foreach (var id in truth)
        {
            arguments[next++] = id;
        }

        var history = _keys.History(scope);
        var result = _deferred.Count == 0
            ? _ledger.Evaluate("reconcile", scope, LedgerScripts.Reconcile, [_keys.Open(scope), _keys.Scopes, _keys.AccountOpen, history[0], history[1], history[2]], arguments)
            : null;
        if (result is null)
        {
            return new ReconcileReport(scope, Array.Empty<string>(), Array.Empty<string>()) { Unavailable = true };
        }

        if ((int)result[2] == 0)
        {
            throw new ArgumentException($"The reconcile mark for {scope} (version {mark.Version}) is ahead of the ledger's history: it was not taken from this book's {scope}.", nameof(mark));
        }

        var added = ToSortedStrings((RedisResult[])result[0]!);
        var removed = ToSortedStrings((RedisResult[])result[1]!);
        if (added.Count + removed.Count > 0)
        {
            RiskLog.Reconciled(_logger, scope, added.Count, removed.Count);
        }

        return new ReconcileReport(scope, added, removed);
    }

    /// <inheritdoc/>
    /// <remarks>When the ledger does not answer, the counts are zero and <see cref="ScopeCounts.Unavailable"/> is true.</remarks>
    public ScopeCounts GetCounts(string scope)
    {
        if (!ExchangeName.TryParse(scope, out var name))
        {
            return default;
        }

        scope = name.Value;
        var result = _deferred.Count == 0
            ? _ledger.Evaluate("count", scope, LedgerScripts.Counts, _keys.ScopeState(scope), [_memoryMilliseconds, MaxRememberedExpiries], late => CountExpired(scope, late[2]))
            : null;
        if (result is null)
        {
            return new ScopeCounts(0, 0) { Unavailable = true };
        }

        CountExpired(scope, result[2]);
        return new ScopeCounts((int)result[0], (int)result[1]);
    }

    /// <inheritdoc/>
    /// <remarks>When the ledger does not answer, <see cref="ScopeCounts.Unavailable"/> is true.</remarks>
    public ScopeCounts GetTotalCounts()
    {
        var result = _deferred.Count == 0
            ? _ledger.Evaluate("count account", string.Empty, LedgerScripts.AccountCounts, [_keys.AccountOpen, _keys.AccountPending, _keys.Scopes], [_prefix])
            : null;
        return result is null
            ? new ScopeCounts(0, 0) { Unavailable = true }
            : new ScopeCounts((int)result[0], (int)result[1]);
    }

    /// <inheritdoc/>
    /// <remarks>Empty, <see cref="BookNameCollection.Unavailable"/> and logged when the ledger does not answer.</remarks>
    public BookNameCollection GetOpenPositions(string scope) =>
        ExchangeName.TryParse(scope, out var name)
            ? ToNames(_ledger.SetMembers("list open positions", _keys.Open(name.Value)))
            : BookNameCollection.Empty;

    /// <inheritdoc/>
    /// <remarks>Unavailable while operations wait to be replayed (a waiting close may be this position's) or when the ledger does not answer.</remarks>
    public PositionPresence FindPosition(string scope, string positionId)
    {
        if (!ExchangeName.TryParse(scope, out var name) || string.IsNullOrWhiteSpace(positionId))
        {
            return PositionPresence.NotOpen;
        }

        var result = _deferred.Count == 0
            ? _ledger.Evaluate("find position", name.Value, LedgerScripts.FindPosition, [_keys.Open(name.Value)], [positionId])
            : null;
        return result is null ? PositionPresence.Unavailable : (int)result[0] == 1 ? PositionPresence.Open : PositionPresence.NotOpen;
    }

    /// <summary>Closes the connection when the book created it (<see cref="Connect(string, RedisPositionBookOptions?, ILogger?)"/>).</summary>
    public void Dispose()
    {
        _ledger.Detach();
        _deferred.Dispose();
        if (_ownsMultiplexer)
        {
            _multiplexer.Dispose();
        }
    }

    /// <summary>
    /// Runs a fill, release or close, or keeps it for the replay when others wait or the ledger does not answer. Never
    /// waits longer than one operation's budget, and not at all while the ledger is known not to answer.
    /// </summary>
    /// <returns>The operation's answer, or null when it was deferred.</returns>
    private bool? Run(DeferredOperation operation)
    {
        if (_deferred.Count == 0 && Execute(operation) is { } answer)
        {
            return answer;
        }

        var queued = _deferred.Add(operation, out var dropped);
        RedisLedgerLog.OperationDeferred(_logger, operation.Kind.ToString(), operation.Scope, operation.Subject, queued);
        if (dropped is { } lost)
        {
            RedisLedgerLog.DeferredOperationDropped(_logger, lost.Kind.ToString(), lost.Scope, lost.Subject);
        }

        return null;
    }

    /// <summary>
    /// Runs one fill, release or close script. When its answer comes after the budget, the operation is marked as
    /// landed (so the replay does not run it twice) and its answer is counted and logged as if it had come in time.
    /// </summary>
    /// <returns>The answer, or null when the ledger did not answer in time.</returns>
    private bool? Execute(DeferredOperation operation)
    {
        var scope = operation.Scope;
        var keys = _keys.ScopeStateWithHistory(scope);
        var (name, script, arguments) = operation.Kind switch
        {
            DeferredKind.Commit => ("commit", LedgerScripts.Commit, new RedisValue[] { _memoryMilliseconds, MaxRememberedExpiries, operation.ReservationId, operation.PositionId, _owner }),
            DeferredKind.Release => ("release", LedgerScripts.Release, new RedisValue[] { _memoryMilliseconds, MaxRememberedExpiries, operation.ReservationId, _owner }),
            _ => ("close", LedgerScripts.Close, new RedisValue[] { _memoryMilliseconds, MaxRememberedExpiries, operation.PositionId, ReconcileMark.RememberedCloses }),
        };
        var result = _ledger.Evaluate(name, scope, script, keys, arguments, late =>
        {
            operation.MarkLanded();
            Interpret(operation, late);
        });
        return result is null ? null : Interpret(operation, result);
    }

    /// <summary>Counts and logs what a fill, release or close script answered.</summary>
    /// <returns>True when the operation changed the ledger.</returns>
    private bool Interpret(DeferredOperation operation, RedisResult[] result)
    {
        var changed = InterpretOutcome(operation, result);
        CountEnding(operation.Kind, changed);
        return changed;
    }

    private bool InterpretOutcome(DeferredOperation operation, RedisResult[] result)
    {
        var scope = operation.Scope;
        CountExpired(scope, result[1]);
        var outcome = (int)result[0];
        switch (operation.Kind)
        {
            case DeferredKind.Commit:
                var positionId = operation.PositionId!;
                switch (outcome)
                {
                    case 1:
                        return true;
                    case 3:
                        Interlocked.Increment(ref _lateFills);
                        RiskLog.LateFill(_logger, positionId, scope, operation.ReservationId);
                        return true;
                    case 2:
                        return Ignore("fill of an already open position", scope, positionId);
                    default:
                        return Ignore("fill", scope, positionId);
                }

            case DeferredKind.Release:
                // Releasing twice (or after a commit) is what `using` does on every path; it is expected, not logged.
                return outcome == 1;

            default:
                return outcome == 1 || Ignore("close", scope, operation.PositionId!);
        }
    }

    /// <summary>
    /// A reserve answered after the caller was told Unavailable: the reservations it found expired are counted, and
    /// nobody will use the slot, so it is given back.
    /// </summary>
    private void GiveBackLateReservation(string scope, RedisResult[] late)
    {
        CountExpired(scope, late[4]);
        if ((int)late[0] != 1)
        {
            return;
        }

        var id = (long)late[3];
        RedisLedgerLog.LateReservationReturned(_logger, id, scope);
        _ledger.FireAndForget(LedgerScripts.Release, _keys.ScopeState(scope), [_memoryMilliseconds, MaxRememberedExpiries, id, _owner]);
    }

    private void CountExpired(string scope, RedisResult gone)
    {
        var ids = (RedisResult[])gone!;
        if (ids.Length == 0)
        {
            return;
        }

        Interlocked.Add(ref _expired, ids.Length);
        foreach (var id in ids)
        {
            RiskLog.ReservationExpired(_logger, (long)id, scope, _timeoutSeconds);
        }
    }

    private bool Ignore(string operation, string scope, string subject)
    {
        Interlocked.Increment(ref _ignored);
        RiskLog.OperationIgnored(_logger, operation, scope, subject);
        return false;
    }

    private static BookNameCollection ToNames(RedisValue[]? values) =>
        values is null ? BookNameCollection.NotRead : new BookNameCollection(ToStrings(values));

    private static string[] ToStrings(RedisValue[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return Array.Empty<string>();
        }

        var strings = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            strings[i] = values[i].ToString();
        }

        return strings;
    }

    private static List<string> ToSortedStrings(RedisResult[] values)
    {
        var strings = new List<string>(values.Length);
        foreach (var value in values)
        {
            strings.Add((string?)value ?? string.Empty);
        }

        strings.Sort(StringComparer.Ordinal);
        return strings;
    }
}
