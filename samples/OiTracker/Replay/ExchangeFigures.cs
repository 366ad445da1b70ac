using System;
using System.Collections.Generic;
using RiskSdk;
using RiskSdk.Gates;

namespace OiTracker.Replay;

/// <summary>One exchange's figures for one run, measured against the caps the settings put in force.</summary>
/// <param name="Exchange">The exchange.</param>
/// <param name="NormalCap">The normal-confidence cap (normal regime).</param>
/// <param name="HighConfidenceCap">The high-confidence cap, the ceiling in every case.</param>
/// <param name="MaxOpen">The most positions the broker held open at once.</param>
/// <param name="MaxOpenAfterNormalApproval">The most positions open or in flight at the broker right after a normal-confidence approval.</param>
/// <param name="MaxOpenAfterHighApproval">The most positions open or in flight at the broker right after a high-confidence approval.</param>
/// <param name="OverCapApprovals">Approvals that took the exchange above the cap the settings put in force for that signal.</param>
/// <param name="NormalApprovals">Approvals at normal confidence.</param>
/// <param name="HighApprovals">Approvals at high confidence.</param>
/// <param name="TimeAtOrAboveNormalCap">Trading time with at least the normal cap open.</param>
/// <param name="TimeAboveHighCap">Trading time with more than the high-confidence cap open.</param>
/// <param name="AverageOpen">Time-weighted average of open positions over the trading time.</param>
internal sealed record ExchangeFigures(
    string Exchange,
    int NormalCap,
    int HighConfidenceCap,
    int MaxOpen,
    int MaxOpenAfterNormalApproval,
    int MaxOpenAfterHighApproval,
    int OverCapApprovals,
    int NormalApprovals,
    int HighApprovals,
    TimeSpan TimeAtOrAboveNormalCap,
    TimeSpan TimeAboveHighCap,
    double AverageOpen)
{
    /// <summary>Measures one exchange.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="timeline">Its open positions over time.</param>
    /// <param name="approvals">Every approval of the run (other exchanges are ignored).</param>
    /// <param name="settings">The settings whose caps are in force.</param>
    /// <param name="sessions">The trading sessions.</param>
    /// <returns>The figures.</returns>
    public static ExchangeFigures Measure(string exchange, OpenPositionTimeline timeline, IEnumerable<Approval> approvals, RiskSettings settings, TradingSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(settings);
        int normal = 0, high = 0, maxOpenAfterNormal = 0, maxOpenAfterHigh = 0, overCap = 0;
        foreach (var approval in approvals)
        {
            if (approval.Exchange != exchange)
            {
                continue;
            }

            var confidence = approval.IsHighConfidence ? 1.0 : 0.0;
            if (approval.OpenAfter > PositionCap.For(settings, confidence, approval.Regime).Allowed)
            {
                overCap++;
            }

            if (approval.IsHighConfidence)
            {
                high++;
                maxOpenAfterHigh = Math.Max(maxOpenAfterHigh, approval.OpenAfter);
            }
            else
            {
                normal++;
                maxOpenAfterNormal = Math.Max(maxOpenAfterNormal, approval.OpenAfter);
            }
        }

        var normalCap = settings.MaxOpenPositions;
        var highCap = settings.MaxOpenPositionsHighConfidence;
        return new ExchangeFigures(
            exchange,
            normalCap,
            highCap,
            timeline.Maximum,
            maxOpenAfterNormal,
            maxOpenAfterHigh,
            overCap,
            normal,
            high,
            timeline.TimeWhere(sessions, open => open >= normalCap),
            timeline.TimeWhere(sessions, open => open > highCap),
            timeline.Average(sessions));
    }
}
