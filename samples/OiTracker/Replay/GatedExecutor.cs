using System;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>
/// The tracker rebuilt on RiskSdk: every order, entry or exit, goes through the gate pipeline first; the position
/// book is the one source of truth; fills commit the reservation, broker rejections release it, and a lost
/// acknowledgement leaves it to expire. Net delta and session P&amp;L are reported to the context for its gates.
/// </summary>
internal sealed class GatedExecutor : IAutoExecutor
{
    private readonly RiskContext _context;
    private readonly IPreTradeCheck _pipeline;
    private double _netDelta;
    private double _sessionPnl;

    /// <summary>Creates the executor.</summary>
    /// <param name="context">The risk context (settings, book, kill switch, clock).</param>
    /// <param name="pipeline">The gate pipeline over that context.</param>
    public GatedExecutor(RiskContext context, IPreTradeCheck pipeline)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
    }

    /// <inheritdoc/>
    public string Name => "RiskSdk";

    /// <inheritdoc/>
    public long? ExpiredReservations => _context.Book.ExpiredReservations;

    /// <inheritdoc/>
    public int Held(string exchange) => _context.Book.GetCounts(exchange).Total;

    /// <inheritdoc/>
    public EntryDecision DecideEntry(TapeEvent signal)
    {
        var intent = signal.ToEntryIntent();
        var decision = _pipeline.Evaluate(in intent);
        return decision.IsApproved
            ? new EntryDecision(true, RejectionReason.None, decision.Cap.IsHighConfidence, decision.Cap.Allowed, decision.Reservation)
            : EntryDecision.Refused(decision.Reason, decision.Gate ?? "(none)");
    }

    /// <inheritdoc/>
    public void Filled(in EntryDecision decision, TapeEvent signal)
    {
        decision.Reservation.Commit(signal.SignalId);
        _netDelta += signal.Delta;
        _context.Exposure.ReportNetDelta(_netDelta);
    }

    /// <inheritdoc/>
    public void Failed(in EntryDecision decision, TapeEvent signal) => decision.Reservation.Release();

    /// <inheritdoc/>
    public RejectionReason DecideExit(TapeEvent entry)
    {
        var intent = entry.ToEntryIntent() with
        {
            Side = entry.Side == TradeSide.Buy ? TradeSide.Sell : TradeSide.Buy,
            Delta = -entry.Delta,
            ReducesPosition = entry.SignalId,
        };
        return _pipeline.Evaluate(in intent).Reason;
    }

    /// <inheritdoc/>
    public void Closed(TapeEvent entry, TapeEvent exit)
    {
        _context.Book.Close(entry.Exchange, entry.SignalId);
        _netDelta -= entry.Delta;
        _sessionPnl += exit.Pnl;
        _context.Exposure.ReportNetDelta(_netDelta);
        _context.Exposure.ReportSessionPnl(_sessionPnl);
    }

    /// <inheritdoc/>
    public void Halt() => _context.Switch.Halt("operator halt on the tape");

    /// <inheritdoc/>
    public void Resume() => _context.Switch.Resume("operator resume on the tape");

    /// <inheritdoc/>
    public void StartSession()
    {
        _sessionPnl = 0;
        _context.ResetSession();
    }
}
