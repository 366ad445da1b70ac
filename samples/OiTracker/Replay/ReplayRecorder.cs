using System;
using System.Collections.Generic;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>What happened during one run, counted as it happens; <see cref="ReplayResult"/> turns it into figures.</summary>
internal sealed class ReplayRecorder
{
    /// <summary>Entry signals replayed.</summary>
    public int SignalsSeen { get; private set; }

    /// <summary>Entry orders sent to the broker.</summary>
    public int OrdersPlaced { get; private set; }

    /// <summary>Entry orders that filled.</summary>
    public int Fills { get; private set; }

    /// <summary>Entry orders the broker rejected.</summary>
    public int BrokerRejections { get; private set; }

    /// <summary>Entry orders the broker never acknowledged.</summary>
    public int LostAcknowledgements { get; private set; }

    /// <summary>Exits that closed a position, by reason.</summary>
    public SortedDictionary<ExitReason, int> Exits { get; } = [];

    /// <summary>Exit rows for positions that were never opened (the entry was refused or not filled).</summary>
    public int ExitsWithoutPosition { get; private set; }

    /// <summary>Exit orders throttled and sent again a second later.</summary>
    public int ExitRetries { get; private set; }

    /// <summary>Refused entries and exits, by reason code.</summary>
    public SortedDictionary<RejectionReason, int> Rejections { get; } = [];

    /// <summary>Refusals by the app's own gates (<see cref="RejectionReason.CustomGate"/>), by gate name.</summary>
    public SortedDictionary<string, int> CustomGateRefusals { get; } = new(StringComparer.Ordinal);

    /// <summary>Every approved entry.</summary>
    public List<Approval> Approvals { get; } = [];

    /// <summary>Open positions per exchange over time (the broker's truth).</summary>
    public SortedDictionary<string, OpenPositionTimeline> Timelines { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts a replayed signal.</summary>
    /// <param name="exchange">Its exchange, so the exchange appears in the report even if nothing was opened there.</param>
    public void SignalSeen(string exchange)
    {
        SignalsSeen++;
        Timeline(exchange);
    }

    /// <summary>Counts a refusal.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="gate">The gate that refused.</param>
    public void Refused(RejectionReason reason, string gate)
    {
        Rejections[reason] = Rejections.GetValueOrDefault(reason) + 1;
        if (reason == RejectionReason.CustomGate)
        {
            CustomGateRefusals[gate] = CustomGateRefusals.GetValueOrDefault(gate) + 1;
        }
    }

    /// <summary>Records an approval and the order sent for it.</summary>
    /// <param name="approval">The approval.</param>
    public void Approved(Approval approval)
    {
        Approvals.Add(approval);
        OrdersPlaced++;
    }

    /// <summary>Counts the broker's answer to an entry order.</summary>
    /// <param name="answer">The answer.</param>
    public void Answered(BrokerAnswer answer)
    {
        switch (answer)
        {
            case BrokerAnswer.Filled: Fills++; break;
            case BrokerAnswer.Rejected: BrokerRejections++; break;
            default: LostAcknowledgements++; break;
        }
    }

    /// <summary>Counts a closed position.</summary>
    /// <param name="exit">The exit row.</param>
    public void Exited(TapeEvent exit) => Exits[exit.ExitReason] = Exits.GetValueOrDefault(exit.ExitReason) + 1;

    /// <summary>Counts an exit row with no open position behind it.</summary>
    public void ExitWithoutPosition() => ExitsWithoutPosition++;

    /// <summary>Counts an exit sent again after throttling.</summary>
    public void ExitRetried() => ExitRetries++;

    /// <summary>Records an exchange's open-position count from a moment on.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="time">When it changed.</param>
    /// <param name="open">Open positions.</param>
    public void OpenPositions(string exchange, DateTimeOffset time, int open) => Timeline(exchange).Record(time, open);

    private OpenPositionTimeline Timeline(string exchange)
    {
        if (!Timelines.TryGetValue(exchange, out var timeline))
        {
            timeline = new OpenPositionTimeline();
            Timelines.Add(exchange, timeline);
        }

        return timeline;
    }
}
