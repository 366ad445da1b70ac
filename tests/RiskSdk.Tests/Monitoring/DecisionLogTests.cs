using System;
using System.Linq;
using System.Threading;
using RiskSdk.Gates;
using RiskSdk.Monitoring;

namespace RiskSdk.Tests.Monitoring;

/// <summary>The operator's ring of recent decisions: what a record keeps, and no reader ever sees a record half rewritten.</summary>
public sealed class DecisionLogTests
{
    [Fact]
    public void A_record_keeps_every_fact_of_its_decision()
    {
        var log = new DecisionLog();
        var entry = TestRig.Signal("NSE", confidence: 0.97, regime: MarketRegime.HighVolatility);
        var exit = TestRig.Signal("BSE", reduces: "P-1");

        Record(log, in entry, GateVerdict.Reject("Custom", RejectionReason.CustomGate, 3, 2, "too many"), approved: false, highConfidence: true, utcTicks: 1_000);
        Record(log, in exit, GateVerdict.Pass(PositionLimitGate.GateName), approved: true, highConfidence: false, utcTicks: 2_000);

        var records = log.Read(10);
        Assert.Equal(2, records.Count);
        var approved = records[0];
        Assert.Equal((2L, "BSE", true, RejectionReason.None, "approved"), (approved.Sequence, approved.Exchange, approved.Approved, approved.Reason, approved.Message));
        Assert.Equal((PositionEffect.Exit, ConfidenceBand.Normal, MarketRegime.Normal), (approved.Effect, approved.Band, approved.Regime));
        Assert.Equal(new DateTimeOffset(2_000, TimeSpan.Zero), approved.Time);
        var refused = records[1];
        Assert.Equal((1L, "NSE", false, RejectionReason.CustomGate, "Custom"), (refused.Sequence, refused.Exchange, refused.Approved, refused.Reason, refused.Gate));
        Assert.Equal((3d, 2d), (refused.Observed, refused.Limit));
        Assert.Equal("Custom: refused (too many)", refused.Message);
        Assert.Equal((PositionEffect.Entry, ConfidenceBand.High, MarketRegime.HighVolatility), (refused.Effect, refused.Band, refused.Regime));
        Assert.Equal(MarketRegime.Normal, log.NewestRegime());
    }

    [Fact]
    public void A_refusal_recorded_with_a_passing_verdict_reads_as_a_gate_fault_never_as_an_approval()
    {
        var log = new DecisionLog();
        var intent = TestRig.Signal();

        Record(log, in intent, GateVerdict.Pass("Custom"), approved: false, highConfidence: false, utcTicks: 0);

        var record = Assert.Single(log.Read(1));
        Assert.False(record.Approved);
        Assert.Equal(RejectionReason.GateFault, record.Reason);
    }

    [Fact]
    public void The_newest_regime_is_that_of_the_latest_decision_and_normal_before_any()
    {
        var log = new DecisionLog();
        Assert.Equal(MarketRegime.Normal, log.NewestRegime());
        var volatileMarket = TestRig.Signal(regime: MarketRegime.HighVolatility);
        var calm = TestRig.Signal();

        for (var i = 0; i < DecisionLog.Capacity * 3; i++)
        {
            Record(log, in calm, GateVerdict.Pass("Gate"), approved: true, highConfidence: false, utcTicks: i);
        }

        Record(log, in volatileMarket, GateVerdict.Pass("Gate"), approved: true, highConfidence: false, utcTicks: 0);
        Assert.Equal(MarketRegime.HighVolatility, log.NewestRegime());
        Record(log, in calm, GateVerdict.Pass("Gate"), approved: true, highConfidence: false, utcTicks: 0);
        Assert.Equal(MarketRegime.Normal, log.NewestRegime());
    }

    /// <summary>
    /// Writers keep overwriting the whole ring while a reader copies it. Every field of a record is made from one number
    /// k, so a record assembled from two decisions (a slot rewritten while it was copied) shows as a mismatch; with one
    /// writer k is also the record's sequence number less one, so a slot rewritten whole after it was checked, shown
    /// under the number of the decision it replaced, shows too. Dedicated threads, so that on a two-core machine a
    /// writer and the reader really run at the same time.
    /// </summary>
    /// <param name="writers">How many threads record.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Readers_never_see_a_record_half_rewritten_or_under_another_number_while_writers_lap_the_ring(int writers)
    {
        const int kinds = 61; // not a divisor of the capacity: the decision a lap later in a slot is of another kind
        var log = new DecisionLog();
        var exchanges = Enumerable.Range(0, kinds).Select(i => "X" + i).ToArray();
        var gates = Enumerable.Range(0, kinds).Select(i => "G" + i).ToArray();
        var details = Enumerable.Range(0, kinds).Select(i => "D" + i).ToArray();
        var intents = Enumerable.Range(0, kinds)
            .Select(i => TestRig.Signal(exchanges[i], regime: (MarketRegime)(i % 2), reduces: i % 3 == 0 ? "P" : null))
            .ToArray();
        var stop = 0;
        long recorded = 0, checkedRecords = 0, wrong = 0;

        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            for (long k = w; Volatile.Read(ref stop) == 0; k += writers)
            {
                var kind = (int)(k % kinds);
                var verdict = GateVerdict.Reject(gates[kind], RejectionReason.CustomGate, k, -k, details[kind]);
                Record(log, in intents[kind], verdict, approved: false, highConfidence: kind % 5 == 0, utcTicks: k);
                Interlocked.Increment(ref recorded);
            }
        })).ToList();
        threads.Add(new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                foreach (var record in log.Read(DecisionLog.Capacity))
                {
                    var k = (long)record.Observed;
                    var kind = (int)(k % kinds);
                    var whole = k >= 0
                        && (writers > 1 || k == record.Sequence - 1)
                        && record.Limit == -k
                        && record.Time.UtcTicks == k
                        && record.Exchange == exchanges[kind]
                        && record.Gate == gates[kind]
                        && record.Message.EndsWith("(" + details[kind] + ")", StringComparison.Ordinal)
                        && record.Regime == (MarketRegime)(kind % 2)
                        && record.Effect == (kind % 3 == 0 ? PositionEffect.Exit : PositionEffect.Entry)
                        && record.Band == (kind % 5 == 0 ? ConfidenceBand.High : ConfidenceBand.Normal)
                        && record.Reason == RejectionReason.CustomGate;
                    if (!whole)
                    {
                        Interlocked.Increment(ref wrong);
                    }

                    Interlocked.Increment(ref checkedRecords);
                }
            }
        }));

        foreach (var thread in threads)
        {
            thread.Start();
        }

        // Bounded by work done, not by time: many laps of the ring and many records read, or 20 s on a starved machine.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((Interlocked.Read(ref recorded) < 3_000_000 || Interlocked.Read(ref checkedRecords) < 300_000) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Volatile.Write(ref stop, 1);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.True(Interlocked.Read(ref checkedRecords) > 1_000, "the reader saw too few records to say anything");
        Assert.Equal(0, Interlocked.Read(ref wrong));
        Assert.Equal(Interlocked.Read(ref recorded), log.Count);
    }

    /// <summary>Records a whole verdict, as its parts (the log takes them so no caller holds a verdict in memory).</summary>
    private static void Record(DecisionLog log, in TradeIntent intent, GateVerdict verdict, bool approved, bool highConfidence, long utcTicks) =>
        log.Record(in intent, verdict.Gate, verdict.Reason, verdict.Observed, verdict.Limit, verdict.Detail, approved, highConfidence, utcTicks);
}
