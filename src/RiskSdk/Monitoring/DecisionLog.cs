using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using RiskSdk.Gates;

namespace RiskSdk.Monitoring;

/// <summary>
/// The last <see cref="Capacity"/> decisions of a context, in a ring of slots held inside this object: recording one
/// is an interlocked increment and at most ten stores into one slot, with no allocation, no lock and no load of a slot
/// object, so the decision path never waits on a reader. Readers copy the slots and drop any that a writer may have
/// been overwriting meanwhile.
/// </summary>
internal sealed class DecisionLog
{
    /// <summary>How many decisions are kept.</summary>
    public const int Capacity = 128;

    private const int Mask = Capacity - 1;
    private long _count;
    private Ring _slots;

    /// <summary>Decisions recorded so far; changes whenever one is recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Records one decision.</summary>
    /// <remarks>
    /// The increment is a full fence, so a slot's fields are written only after its new number is visible; a reader
    /// re-reads the count after copying and keeps only slots no writer could have reached (see <see cref="Read"/>).
    /// The verdict comes in its parts, so no caller has to hold a whole verdict in memory to record it.
    /// </remarks>
    /// <param name="intent">The intent decided.</param>
    /// <param name="gate">The deciding gate (the verdict's <see cref="GateVerdict.Gate"/>).</param>
    /// <param name="reason">The verdict's reason; a refusal without one is recorded as <see cref="RejectionReason.GateFault"/>.</param>
    /// <param name="observed">The verdict's observed figure.</param>
    /// <param name="limit">The verdict's limit.</param>
    /// <param name="detail">The verdict's detail.</param>
    /// <param name="approved">Whether the decision approved the intent.</param>
    /// <param name="highConfidence">Whether the high-confidence cap applied.</param>
    /// <param name="utcTicks">The wall time to stamp.</param>
    public void Record(in TradeIntent intent, string? gate, RejectionReason reason, double observed, double limit, string? detail, bool approved, bool highConfidence, long utcTicks)
    {
        var sequence = Interlocked.Increment(ref _count);
        ref var slot = ref _slots[(int)sequence & Mask];
        slot.UtcTicks = utcTicks;
        SetIfOther(ref slot.Exchange, intent.Exchange);
        SetIfOther(ref slot.Gate, gate);
        SetIfOther(ref slot.Detail, detail);
        slot.Observed = observed;
        slot.Limit = limit;
        slot.Reason = approved ? RejectionReason.None : reason == RejectionReason.None ? RejectionReason.GateFault : reason;
        slot.Regime = intent.Regime;
        slot.High = highConfidence;
        slot.Exit = intent.ReducesExposure;
        Volatile.Write(ref slot.Sequence, sequence);
    }

    /// <summary>
    /// Stores a reference into a slot only when the slot does not already hold it. A slot is reused every
    /// <see cref="Capacity"/> decisions, and an exchange refused again and again by the same gate brings the same
    /// strings each time: skipping the store skips its GC write barrier (a call, on every decision). A reader sees the
    /// same value either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetIfOther(ref string? field, string? value)
    {
        if (!ReferenceEquals(field, value))
        {
            field = value;
        }
    }

    /// <summary>The regime of the newest decision a reader can see whole; <see cref="MarketRegime.Normal"/> before any.</summary>
    /// <returns>The regime.</returns>
    public MarketRegime NewestRegime()
    {
        var newest = Volatile.Read(ref _count);
        for (var sequence = newest; sequence > 0 && sequence > newest - Capacity; sequence--)
        {
            ref var slot = ref _slots[(int)sequence & Mask];
            if (Volatile.Read(ref slot.Sequence) != sequence)
            {
                continue; // still being written, or already overwritten: the one before it
            }

            var regime = slot.Regime;
            Interlocked.MemoryBarrier();
            if (sequence + Capacity > Volatile.Read(ref _count))
            {
                return regime;
            }
        }

        return MarketRegime.Normal;
    }

    /// <summary>The newest decisions, newest first.</summary>
    /// <param name="count">At most this many (capped at <see cref="Capacity"/>).</param>
    /// <returns>The records; a slot being rewritten while it was read is left out.</returns>
    public IReadOnlyList<DecisionRecord> Read(int count)
    {
        count = Math.Clamp(count, 0, Capacity);
        var newest = Volatile.Read(ref _count);
        var copies = new List<(long Sequence, Slot Copy)>(count);
        for (var sequence = newest; sequence > 0 && sequence > newest - count; sequence--)
        {
            ref var slot = ref _slots[(int)sequence & Mask];
            if (Volatile.Read(ref slot.Sequence) != sequence)
            {
                continue; // not yet published, or already overwritten
            }

            copies.Add((sequence, slot));
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

    /// <summary>One decision, as the operator's view needs it; approved exactly when <see cref="Reason"/> is <see cref="RejectionReason.None"/>.</summary>
    private struct Slot
    {
        public long Sequence;
        public long UtcTicks;
        public string? Exchange;
        public string? Gate;
        public string? Detail;
        public double Observed;
        public double Limit;
        public RejectionReason Reason;
        public MarketRegime Regime;
        public bool High;
        public bool Exit;

        public readonly DecisionRecord ToRecord(long sequence)
        {
            var approved = Reason == RejectionReason.None;
            var gate = Gate ?? "(none)";
            return new DecisionRecord(
                sequence,
                new DateTimeOffset(UtcTicks, TimeSpan.Zero),
                Exchange ?? "(none)",
                approved,
                Reason,
                gate,
                approved ? 0 : Observed,
                approved ? 0 : Limit,
                approved ? "approved" : RejectionMessages.Describe(gate, Reason, Observed, Limit, Detail),
                High ? ConfidenceBand.High : ConfidenceBand.Normal,
                Exit ? PositionEffect.Exit : PositionEffect.Entry,
                Regime);
        }
    }

    [InlineArray(Capacity)]
    private struct Ring
    {
        private Slot _first;
    }
}
