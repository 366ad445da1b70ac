using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RiskSdk.Monitoring;

namespace RiskSdk.Monitoring;

/// <summary>
/// The kill switch. Halting takes effect on the next decision of every thread; a halt latches until
/// <see cref="Resume"/> is called explicitly. Orders that only reduce exposure pass in every state. Each move
/// records why, who and when (<see cref="Status"/>), is logged, and is announced through <see cref="Changed"/>.
/// </summary>
/// <remarks>
/// A request for the state the switch already holds, with another reason or by someone else (a second halt for a new
/// cause), restates it: the state stays, the status takes the new cause and time, and the restatement is logged and
/// announced like a move (a shared ledger records it for every process). The same request with the same cause changes
/// nothing.
/// </remarks>
public sealed class TradingSwitch
{
    /// <summary>The <see cref="TradingStatus.ChangedBy"/> of a switch that starts halted because the settings turned auto-execution off.</summary>
    public const string SettingsActor = "settings";

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private TradingStatus _status;
    private int _state;
    private long _version;
    private long _requests;

    /// <summary>Creates an active switch that logs nothing, on the system clock.</summary>
    public TradingSwitch()
        : this(TradingState.Active, "started", SettingsActor)
    {
    }

    /// <summary>Creates a switch, saying why it starts where it does.</summary>
    /// <param name="initialState">The state to start in.</param>
    /// <param name="reason">Why it starts in that state.</param>
    /// <param name="changedBy">Who decided it (for a start-up state, usually <see cref="SettingsActor"/>).</param>
    /// <param name="logger">Where state changes are logged; default none.</param>
    /// <param name="timeProvider">The clock the change times are read from; default <see cref="TimeProvider.System"/>.</param>
    public TradingSwitch(TradingState initialState, string reason, string changedBy, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(changedBy);
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _status = new TradingStatus(initialState, reason, changedBy, _time.GetUtcNow());
        _state = (int)initialState;
    }

    /// <summary>Raised after every move and every restatement (the same state, a new cause), on the thread that made it. A handler that throws does not undo it.</summary>
    public event EventHandler<TradingStatusChangedEventArgs>? Changed;

    /// <summary>The current state; one volatile read, for the decision path.</summary>
    public TradingState State => (TradingState)Volatile.Read(ref _state);

    /// <summary>The current state with its reason, who set it and when.</summary>
    public TradingStatus Status => Volatile.Read(ref _status);

    /// <summary>Counts the moves and restatements made so far; a reader compares two readings to learn whether the status changed.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>How many halt, reduce-only, resume and adopt requests were made, including those that moved nothing.</summary>
    internal long Requests => Interlocked.Read(ref _requests);

    /// <summary>Stops every order that would open exposure, until <see cref="Resume"/>.</summary>
    /// <param name="reason">Why, for the log and the status.</param>
    /// <param name="changedBy">Who; default <c>app</c>.</param>
    /// <returns>True when the switch moved; false when it was already halted (a new reason or author is recorded all the same).</returns>
    public bool Halt(string reason, string? changedBy = null) => Move(TradingState.Halted, reason, changedBy, latchAware: false);

    /// <summary>Lets only orders that reduce exposure through. Has no effect while halted (a halt latches).</summary>
    /// <param name="reason">Why, for the log and the status.</param>
    /// <param name="changedBy">Who; default <c>app</c>.</param>
    /// <returns>True when the switch moved; false when it was already reducing only (a new cause is recorded), or halted (nothing changes).</returns>
    public bool ReduceOnly(string reason, string? changedBy = null) => Move(TradingState.ReducingOnly, reason, changedBy, latchAware: true);

    /// <summary>Returns to normal trading from any state.</summary>
    /// <param name="reason">Why, for the log and the status.</param>
    /// <param name="changedBy">Who; default <c>app</c>.</param>
    /// <returns>True when the switch moved; false when it was already active (a new reason or author is recorded all the same).</returns>
    public bool Resume(string reason, string? changedBy = null) => Move(TradingState.Active, reason, changedBy, latchAware: false);

    /// <summary>
    /// Takes a status decided elsewhere (for example read from a ledger that several processes share) as it is,
    /// keeping its reason, author and time, also when only the cause differs from the one held; <see cref="Changed"/>
    /// reports it with <see cref="TradingStatusChangedEventArgs.Adopted"/> set. A status equal to the one held changes nothing.
    /// </summary>
    /// <param name="status">The status to adopt.</param>
    /// <returns>True when the switch moved; false when it already held that state (its cause is taken all the same).</returns>
    public bool Adopt(TradingStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Apply(status, latchAware: false, adopted: true);
    }

    private bool Move(TradingState next, string reason, string? changedBy, bool latchAware)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return Apply(new TradingStatus(next, reason, changedBy ?? "app", _time.GetUtcNow()), latchAware, adopted: false);
    }

    private bool Apply(TradingStatus next, bool latchAware, bool adopted)
    {
        Interlocked.Increment(ref _requests);
        TradingStatus previous;
        lock (_gate)
        {
            previous = _status;
            var sameState = previous.State == next.State;
            if ((sameState && !NewCause(previous, next, adopted)) || (latchAware && previous.State == TradingState.Halted))
            {
                return false;
            }

            Volatile.Write(ref _status, next);
            Volatile.Write(ref _state, (int)next.State);
            Interlocked.Increment(ref _version);
        }

        RiskLog.TradingStateChanged(_logger, previous.State, next.State, next.Reason, next.ChangedBy);
        try
        {
            Changed?.Invoke(this, new TradingStatusChangedEventArgs(previous, next, adopted));
        }
        catch (Exception exception)
        {
            RiskLog.TradingStateHandlerFailed(_logger, exception, next.State);
        }

        return previous.State != next.State;
    }

    /// <summary>
    /// Whether a request for the state already held brings a new cause: an adopted status that differs in anything
    /// (a newer move elsewhere), or a call here with another reason or author (its time alone is no new cause).
    /// </summary>
    private static bool NewCause(TradingStatus held, TradingStatus next, bool adopted) =>
        adopted
            ? held != next
            : !string.Equals(held.Reason, next.Reason, StringComparison.Ordinal) || !string.Equals(held.ChangedBy, next.ChangedBy, StringComparison.Ordinal);
}
