using System;
using System.Collections.Generic;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>
/// Replays a tape in virtual time through one auto-executor and the paper broker: tape rows and broker answers are
/// processed in time order, the clock jumping from one to the next, so a trading day takes milliseconds.
/// </summary>
internal sealed class ReplayEngine
{
    /// <summary>How long a throttled exit waits before it is sent again.</summary>
    public static readonly TimeSpan ExitRetryDelay = TimeSpan.FromSeconds(1);

    private const int ProgressEvery = 4096;

    private readonly IAutoExecutor _executor;
    private readonly PaperBroker _broker;
    private readonly ReplayClock _clock;
    private readonly ReplayRecorder _recorder = new();
    private readonly PriorityQueue<Action, (long Ticks, long Sequence)> _scheduled = new();
    // The entry signal of each position open at the broker, by signal id: what an exit row closes. Only open positions
    // are kept, so a long tape does not hold a dictionary entry for every signal it ever gave.
    private readonly Dictionary<string, TapeEvent> _openEntries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Creates an engine.</summary>
    /// <param name="executor">What decides the signals.</param>
    /// <param name="broker">The paper broker.</param>
    /// <param name="clock">The virtual clock the executor also reads.</param>
    public ReplayEngine(IAutoExecutor executor, PaperBroker broker, ReplayClock clock)
    {
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Replays the tape once.</summary>
    /// <param name="tape">The tape.</param>
    /// <param name="settings">The settings whose caps the figures are measured against.</param>
    /// <param name="progress">Told the share of the tape done, now and then; null for none.</param>
    /// <returns>The run's figures.</returns>
    public ReplayResult Run(SignalTape tape, RiskSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(settings);
        var sessions = TradingSessions.Of(tape.Events);
        var replayed = 0;
        try
        {
            DateTime? day = null;
            for (var i = 0; i < tape.Events.Count; i++)
            {
                var row = tape.Events[i];
                RunScheduledUntil(row.Time);
                _clock.AdvanceTo(row.Time);
                var date = row.Time.ToOffset(TapeRowParser.IndiaOffset).Date;
                if (day is { } current && current != date)
                {
                    _executor.StartSession();
                }

                day = date;
                Handle(row);
                replayed = i + 1;
                if (progress is not null && i % ProgressEvery == 0)
                {
                    progress.Report((double)i / tape.Events.Count);
                }
            }

            RunScheduledUntil(DateTimeOffset.MaxValue);
            if (sessions.Windows.Count > 0)
            {
                // Let every reservation still pending reach its timeout, so the expired ones are counted.
                var end = sessions.Windows[^1].End + settings.ReservationTimeout;
                _clock.AdvanceTo(end > _clock.Now ? end : _clock.Now);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C during serve): nothing replayed is thrown away; the figures cover the tape up to now.
            foreach (var exchange in _recorder.Timelines.Keys)
            {
                _executor.Held(exchange);
            }

            return ReplayResult.From(_recorder, _executor, settings, sessions.Until(_clock.Now)) with { StoppedAt = _clock.Now, RowsReplayed = replayed };
        }

        foreach (var exchange in _recorder.Timelines.Keys)
        {
            _executor.Held(exchange);
        }

        progress?.Report(1);
        return ReplayResult.From(_recorder, _executor, settings, sessions);
    }

    private void Handle(TapeEvent row)
    {
        switch (row.Kind)
        {
            case TapeEventKind.Signal:
                Enter(row);
                break;
            case TapeEventKind.Exit:
                Exit(row);
                break;
            case TapeEventKind.Halt:
                _executor.Halt();
                break;
            case TapeEventKind.Resume:
                _executor.Resume();
                break;
        }
    }

    private void Enter(TapeEvent signal)
    {
        _recorder.SignalSeen(signal.Exchange);
        var before = _executor.Held(signal.Exchange);
        var decision = _executor.DecideEntry(signal);
        if (!decision.IsApproved)
        {
            _recorder.Refused(decision.Reason, decision.Gate ?? _executor.Name);
            return;
        }

        var after = _executor.Held(signal.Exchange);
        var inFlight = _inFlight.GetValueOrDefault(signal.Exchange) + 1;
        _inFlight[signal.Exchange] = inFlight;
        var openAfter = _broker.OpenCount(signal.Exchange) + inFlight;
        _recorder.Approved(new Approval(_clock.Now, signal.Exchange, signal.SignalId, decision.IsHighConfidence, signal.Regime, before, after, decision.CapAllowed, openAfter));
        var (answer, latency) = _broker.PlaceOrder(signal.SignalId);
        ScheduleAnswer(latency, signal, decision, answer);
    }

    // The lambdas live in their own methods: a lambda in Enter or Exit that captures the method's parameter makes the
    // compiler allocate its closure when the method starts, on every signal and every exit row, scheduled or not.
    private void ScheduleAnswer(TimeSpan latency, TapeEvent signal, EntryDecision decision, BrokerAnswer answer) =>
        Schedule(latency, () => Answer(signal, decision, answer));

    private void ScheduleExit(TimeSpan delay, TapeEvent exit) => Schedule(delay, () => Exit(exit));

    private void ScheduleClose(TimeSpan latency, TapeEvent entry, TapeEvent exit) => Schedule(latency, () => Close(entry, exit));

    private void Answer(TapeEvent signal, EntryDecision decision, BrokerAnswer answer)
    {
        _recorder.Answered(answer);
        _inFlight[signal.Exchange]--;
        switch (answer)
        {
            case BrokerAnswer.Filled:
                _broker.Open(signal.Exchange, signal.SignalId);
                _openEntries[signal.SignalId] = signal;
                _executor.Filled(in decision, signal);
                _recorder.OpenPositions(signal.Exchange, _clock.Now, _broker.OpenCount(signal.Exchange));
                break;
            case BrokerAnswer.Rejected:
                _executor.Failed(in decision, signal);
                break;
            case BrokerAnswer.NoAnswer:
                // The order is lost at the broker and nothing comes back: the executor is not told, so a reservation
                // stays pending until the book's timeout gives its slot back.
                break;
        }
    }

    private void Exit(TapeEvent exit)
    {
        if (!_broker.IsOpen(exit.Exchange, exit.SignalId))
        {
            _recorder.ExitWithoutPosition();
            return;
        }

        var entry = _openEntries[exit.SignalId];
        var reason = _executor.DecideExit(entry);
        if (reason == RejectionReason.OrderRateExceeded)
        {
            _recorder.ExitRetried();
            ScheduleExit(ExitRetryDelay, exit);
            return;
        }

        if (reason != RejectionReason.None)
        {
            _recorder.Refused(reason, _executor.Name);
            return;
        }

        ScheduleClose(_broker.ExitLatency(exit.SignalId), entry, exit);
    }

    private void Close(TapeEvent entry, TapeEvent exit)
    {
        _broker.Close(entry.Exchange, entry.SignalId);
        _openEntries.Remove(entry.SignalId);
        _executor.Closed(entry, exit);
        _recorder.Exited(exit);
        _recorder.OpenPositions(entry.Exchange, _clock.Now, _broker.OpenCount(entry.Exchange));
    }

    private void Schedule(TimeSpan delay, Action action) => _scheduled.Enqueue(action, ((_clock.Now + delay).UtcTicks, _sequence++));

    private void RunScheduledUntil(DateTimeOffset limit)
    {
        while (_scheduled.TryPeek(out _, out var due) && due.Ticks <= limit.UtcTicks)
        {
            var action = _scheduled.Dequeue();
            _clock.AdvanceTo(new DateTimeOffset(due.Ticks, TimeSpan.Zero).ToOffset(_clock.Now.Offset));
            action();
        }
    }
}
