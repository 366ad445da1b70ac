using System;

namespace RiskSdk.Monitoring;

/// <summary>One past decision as the operator sees it.</summary>
/// <param name="Sequence">The decision's number in its context, from 1; a reader that saw number n has seen every earlier one it was shown.</param>
/// <param name="Time">When it was decided, to within <see cref="RiskMonitor.ClockResolution"/>, on the context's clock.</param>
/// <param name="Exchange">The exchange.</param>
/// <param name="Approved">True when the order may be placed.</param>
/// <param name="Reason"><see cref="RejectionReason.None"/> when approved; otherwise why not.</param>
/// <param name="Gate">The gate that decided.</param>
/// <param name="Observed">The figure the deciding gate measured (0 for an approval).</param>
/// <param name="Limit">The limit it was measured against (0 for an approval).</param>
/// <param name="Message">The readable sentence: <c>approved</c>, or the rejection's message.</param>
/// <param name="Band">The confidence band of the signal.</param>
/// <param name="Effect">Entry or exit.</param>
/// <param name="Regime">The market regime the signal was produced in.</param>
public sealed record DecisionRecord(
    long Sequence,
    DateTimeOffset Time,
    string Exchange,
    bool Approved,
    RejectionReason Reason,
    string Gate,
    double Observed,
    double Limit,
    string Message,
    ConfidenceBand Band,
    PositionEffect Effect,
    MarketRegime Regime);
