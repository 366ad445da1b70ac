using System;
using System.Collections.Generic;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>The figures of one run over one tape.</summary>
/// <param name="RunName">Which executor ran: RiskSdk or the old one.</param>
/// <param name="SignalsSeen">Entry signals replayed.</param>
/// <param name="OrdersPlaced">Entry orders sent to the broker.</param>
/// <param name="Fills">Entry orders filled.</param>
/// <param name="BrokerRejections">Entry orders the broker rejected (their reservations released).</param>
/// <param name="LostAcknowledgements">Entry orders never acknowledged (their reservations left to expire).</param>
/// <param name="Rejections">Refusals by reason code.</param>
/// <param name="CustomGateRefusals">Refusals by the app's own gates, by gate name.</param>
/// <param name="Exits">Positions closed, by exit reason.</param>
/// <param name="ExitsWithoutPosition">Exit rows whose entry was never opened.</param>
/// <param name="ExitRetries">Exits throttled and sent again.</param>
/// <param name="ExpiredReservations">Reservations given back after the timeout; null without a position book.</param>
/// <param name="Exchanges">Per-exchange figures.</param>
/// <param name="Approvals">Every approved entry.</param>
/// <param name="Timelines">Open positions per exchange over time.</param>
/// <param name="Sessions">The trading sessions replayed.</param>
internal sealed record ReplayResult(
    string RunName,
    int SignalsSeen,
    int OrdersPlaced,
    int Fills,
    int BrokerRejections,
    int LostAcknowledgements,
    IReadOnlyDictionary<RejectionReason, int> Rejections,
    IReadOnlyDictionary<string, int> CustomGateRefusals,
    IReadOnlyDictionary<ExitReason, int> Exits,
    int ExitsWithoutPosition,
    int ExitRetries,
    long? ExpiredReservations,
    IReadOnlyList<ExchangeFigures> Exchanges,
    IReadOnlyList<Approval> Approvals,
    IReadOnlyDictionary<string, OpenPositionTimeline> Timelines,
    TradingSessions Sessions)
{
    /// <summary>Where the replay was stopped on the tape's clock (Ctrl+C during serve); null when it ran to the end.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The rows replayed before <see cref="StoppedAt"/>; null when the replay ran to the end.</summary>
    public int? RowsReplayed { get; init; }

    /// <summary>Approvals at high confidence, every exchange.</summary>
    public int HighConfidenceApprovals => Sum(static e => e.HighApprovals);

    /// <summary>Approvals at normal confidence, every exchange.</summary>
    public int NormalConfidenceApprovals => Sum(static e => e.NormalApprovals);

    /// <summary>The figures of one exchange.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>Its figures.</returns>
    /// <exception cref="KeyNotFoundException">The tape had no signal on that exchange.</exception>
    public ExchangeFigures For(string exchange)
    {
        foreach (var figures in Exchanges)
        {
            if (figures.Exchange == exchange)
            {
                return figures;
            }
        }

        throw new KeyNotFoundException($"The tape has no signal on {exchange}.");
    }

    /// <summary>Turns what a run recorded into figures.</summary>
    /// <param name="recorder">What was recorded.</param>
    /// <param name="executor">The executor that ran.</param>
    /// <param name="settings">The settings whose caps the figures are measured against.</param>
    /// <param name="sessions">The trading sessions.</param>
    /// <returns>The result.</returns>
    public static ReplayResult From(ReplayRecorder recorder, IAutoExecutor executor, RiskSettings settings, TradingSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(executor);
        var exchanges = new List<ExchangeFigures>();
        foreach (var (exchange, timeline) in recorder.Timelines)
        {
            exchanges.Add(ExchangeFigures.Measure(exchange, timeline, recorder.Approvals, settings, sessions));
        }

        return new ReplayResult(
            executor.Name,
            recorder.SignalsSeen,
            recorder.OrdersPlaced,
            recorder.Fills,
            recorder.BrokerRejections,
            recorder.LostAcknowledgements,
            recorder.Rejections,
            recorder.CustomGateRefusals,
            recorder.Exits,
            recorder.ExitsWithoutPosition,
            recorder.ExitRetries,
            executor.ExpiredReservations,
            exchanges,
            recorder.Approvals,
            recorder.Timelines,
            sessions);
    }

    private int Sum(Func<ExchangeFigures, int> figure)
    {
        var total = 0;
        foreach (var exchange in Exchanges)
        {
            total += figure(exchange);
        }

        return total;
    }
}
