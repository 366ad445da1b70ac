using System;
using System.Collections.Generic;
using RiskSdk.Gates;

namespace RiskSdk.Tests.Admission;

/// <summary>
/// A custom admitting gate: at most <c>limit</c> entries per symbol per UTC day. It checks without taking, counts at
/// admission (atomically, under its lock) and gives the count back when a later admission step refuses.
/// </summary>
internal sealed class DailyCountGate : ITimedGate, IAdmittingGate
{
    private readonly Dictionary<(string Symbol, long Day), int> _counts = new();
    private readonly TimeProvider _time;
    private readonly int _limit;

    public DailyCountGate(TimeProvider time, int limit) => (_time, _limit) = (time, limit);

    public string Name => "DailyCount";

    public int CountToday(string symbol)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault((symbol, Today()));
        }
    }

    public GateVerdict Check(in TradeIntent intent)
    {
        var clock = new DecisionClock(_time);
        return Check(in intent, ref clock);
    }

    public GateVerdict Check(in TradeIntent intent, ref DecisionClock clock)
    {
        var count = CountToday(intent.Symbol ?? string.Empty);
        return count < _limit ? GateVerdict.Pass(Name) : GateVerdict.Reject(Name, RejectionReason.CustomGate, count, _limit);
    }

    public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt)
    {
        var key = (intent.Symbol ?? string.Empty, Today());
        lock (_counts)
        {
            var count = _counts.GetValueOrDefault(key);
            if (count >= _limit)
            {
                receipt = AdmissionReceipt.Nothing;
                return GateVerdict.Reject(Name, RejectionReason.CustomGate, count, _limit);
            }

            _counts[key] = count + 1;
            receipt = new AdmissionReceipt(key.Item2, 0, Taken: true);
            return GateVerdict.Pass(Name);
        }
    }

    public void Undo(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        if (!receipt.Taken)
        {
            return;
        }

        var key = (intent.Symbol ?? string.Empty, receipt.Value);
        lock (_counts)
        {
            _counts[key]--;
        }
    }

    private long Today() => _time.GetUtcNow().UtcDateTime.Date.Ticks / TimeSpan.TicksPerDay;
}
