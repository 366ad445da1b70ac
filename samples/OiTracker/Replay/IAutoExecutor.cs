using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>
/// The part of the tracker the two runs swap: what decides whether a signal becomes an order. The RiskSdk run asks
/// the generated gate pipeline; the baseline is the seed's old executor (time-only cooldown, no cap).
/// </summary>
internal interface IAutoExecutor
{
    /// <summary>The run's name in the report.</summary>
    string Name { get; }

    /// <summary>Reservations the position book gave back after the timeout; null when the executor has no book.</summary>
    long? ExpiredReservations { get; }

    /// <summary>Positions (open plus in flight) the executor counts on an exchange.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The count.</returns>
    int Held(string exchange);

    /// <summary>
    /// Decides an entry signal. Marked <see cref="PositionLimitCheckAttribute"/>: the replay may only place the order
    /// where <see cref="EntryDecision.IsApproved"/> was found true (RISK001). The analyzer proves that a check guards
    /// the order, not that the check is right: the legacy executor's check is the one with the leak.
    /// </summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The decision.</returns>
    [PositionLimitCheck]
    EntryDecision DecideEntry(TapeEvent signal);

    /// <summary>The entry order filled.</summary>
    /// <param name="decision">The approval the order was placed on.</param>
    /// <param name="signal">The signal.</param>
    void Filled(in EntryDecision decision, TapeEvent signal);

    /// <summary>The broker rejected the entry order.</summary>
    /// <param name="decision">The approval the order was placed on.</param>
    /// <param name="signal">The signal.</param>
    void Failed(in EntryDecision decision, TapeEvent signal);

    /// <summary>Decides the exit order for an open position.</summary>
    /// <param name="entry">The signal that opened the position.</param>
    /// <returns><see cref="RejectionReason.None"/> when the exit may be sent; otherwise why not.</returns>
    RejectionReason DecideExit(TapeEvent entry);

    /// <summary>The exit order filled: the position is closed.</summary>
    /// <param name="entry">The signal that opened the position.</param>
    /// <param name="exit">The exit row, with its P&amp;L.</param>
    void Closed(TapeEvent entry, TapeEvent exit);

    /// <summary>An operator pulled the kill switch.</summary>
    void Halt();

    /// <summary>An operator released the kill switch.</summary>
    void Resume();

    /// <summary>A new trading day starts.</summary>
    void StartSession();
}
