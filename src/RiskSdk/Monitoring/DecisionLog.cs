using System;
using System.Collections.Generic;
using System.Threading;
using RiskSdk.Gates;

namespace RiskSdk.Monitoring;

/// <summary>
/// The last <see cref="Capacity"/> decisions of a context, in a ring of preallocated slots: recording one is an
/// interlocked increment and a few field stores, with no allocation and no lock, so the decision path never waits
/// on a reader. Readers copy the slots and drop any that a writer may have been overwriting meanwhile.
/// </summary>
internal sealed class DecisionLog
{
    /// <summary>How many decisions are kept.</summary>
    public const int Capacity = 128;

    private const int Mask = Capacity - 1;
    private readonly Slot[] _slots;
    private long _count;

    public DecisionLog()
    {
        _slots = new Slot[Capacity];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new Slot();
        }
    }

    /// <summary>Decisions recorded so far; changes whenever one is recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Records one decision.</summary>
    /// <remarks>
    /// The increment is a full fence, so a slot's fields are written only after its new number is visible; a reader
    /// re-reads the count after copying and keeps only slots no writer could have reached (see <see cref="Read"/>).
    /// </remarks>
    public void Record(in TradeIntent intent, in GateVerdict verdict, bool approved, bool highConfidence, long utcTicks)
    {
        var sequence = Interlocked.Increment(ref _count);
        var slot = _slots[sequence & Mask];
        slot.UtcTicks = utcTicks;
        slot.Exchange = intent.Exchange;
        slot.Gate = verdict.Gate;
        slot.Detail = verdict.Detail;
        slot.Reason = approved ? RejectionReason.None : verdict.Reason;
        slot.Observed = verdict.Observed;
        slot.Limit = verdict.Limit;
        slot.Approved = approved;
        slot.High = highConfidence;
        slot.Exit = intent.ReducesExposure;
        slot.Regime = intent.Regime;
        Volatile.Write(ref slot.Sequence, sequence);
    }

    /// <summary>The newest decisions, newest first.</summary>
    /// <param name="count">At most this many (capped at <see cref="Capacity"/>).</param>
    /// <returns>The records; a slot being rewritten while it was read is left out.</returns>
    public IReadOnlyList<DecisionRecord> Read(int count)
    {
        count = Math.Clamp(count, 0, Capacity);
        var newest = Volatile.Read(ref _count);
        var copies = new List<(long Sequence, Copy Copy)>(count);
        for (var sequence = newest; sequence > 0 && sequence > newest - count; sequence--)
        {
            var slot = _slots[sequence & Mask];
            if (Volatile.Read(ref slot.Sequence) != sequence)
            {
                continue; // not yet published, or already overwritten
            }

            copies.Add((sequence, new Copy(slot)));
        }

        // A writer that took number n + Capacity writes slot n's fields after its increment; if the count has not
        // reached n + Capacity after the copies were made, none of them was touched.
        Interlocked.MemoryBarrier();
        var after = Volatile.Read(ref _count);
        var records = new List<DecisionRecord>(copies.Count);
        foreach (var (sequence, copy) in copies)
        {
            if (sequence + Capacity > after)
            {
                records.Add(copy.ToRecord(sequence));
            }
        }

        return records;
    }

    private sealed class Slot
    {
        public long Sequence;
        public long UtcTicks;
        public string? Exchange;
        public string? Gate;
        public string? Detail;
        public RejectionReason Reason;
        public double Observed;
        public double Limit;
        public bool Approved;
        public bool High;
        public bool Exit;
        public MarketRegime Regime;
    }

    private readonly struct Copy
    {
        private readonly long _utcTicks;
        private readonly string? _exchange;
        private readonly string? _gate;
        private readonly string? _detail;
        private readonly RejectionReason _reason;
        private readonly double _observed;
        private readonly double _limit;
        private readonly bool _approved;
        private readonly bool _high;
        private readonly bool _exit;
        private readonly MarketRegime _regime;

        public Copy(Slot slot)
        {
            _utcTicks = slot.UtcTicks;
            _exchange = slot.Exchange;
            _gate = slot.Gate;
            _detail = slot.Detail;
            _reason = slot.Reason;
            _observed = slot.Observed;
            _limit = slot.Limit;
            _approved = slot.Approved;
            _high = slot.High;
            _exit = slot.Exit;
            _regime = slot.Regime;
        }

        public DecisionRecord ToRecord(long sequence)
        {
            var gate = _gate ?? "(none)";
            return new DecisionRecord(
                sequence,
                new DateTimeOffset(_utcTicks, TimeSpan.Zero),
                _exchange ?? "(none)",
                _approved,
                _reason,
                gate,
                _approved ? 0 : _observed,
                _approved ? 0 : _limit,
                _approved ? "approved" : RejectionMessages.Describe(gate, _reason, _observed, _limit, _detail),
                _high ? ConfidenceBand.High : ConfidenceBand.Normal,
                _exit ? PositionEffect.Exit : PositionEffect.Entry,
                _regime);
        }
    }
}
