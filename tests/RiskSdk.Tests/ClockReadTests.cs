using System;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// A decision reads the clock once, by the first gate that needs the time, and shares the reading: the order-rate
/// and cooldown checks, the admission's cooldown stamp and order count, and the in-memory book's reservation (when
/// the book reads the context's clock) all use it. A refusal at a cap full of open positions reads it once; a refusal
/// by a pure gate not at all.
/// </summary>
public sealed class ClockReadTests
{
    private static readonly RiskSettings Settings = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [Fact]
    public void A_refusal_by_a_pure_gate_never_reads_the_clock()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(Settings, timeProvider: clock);
        var pipeline = RiskPipeline.CreateDefault(context);

        var decision = pipeline.Evaluate(TestRig.Signal(confidence: 0.5));

        Assert.Equal(RejectionReason.ConfidenceTooLow, decision.Reason);
        Assert.Equal(0, clock.Reads);
    }

    [Fact]
    public void An_approval_reads_the_clock_once_for_the_gates_and_the_reservation()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(Settings, timeProvider: clock);
        var pipeline = RiskPipeline.CreateDefault(context);

        var decision = pipeline.Evaluate(TestRig.Signal());

        Assert.True(decision.IsApproved);
        Assert.Equal(1, clock.Reads);
    }

    [Fact]
    public void A_pipeline_without_timed_gates_leaves_the_reading_to_the_book()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(Settings with { ReservationTimeout = TimeSpan.FromSeconds(30) }, timeProvider: clock);
        var pipeline = new RiskPipeline(context, new IRiskGate[] { new KillSwitchGate(context) }, new PositionLimitGate(context));

        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);
        Assert.Equal(1, clock.Reads);

        // The reservation was stamped with a real reading: it expires after the timeout, not at once.
        clock.Elapse(TimeSpan.FromSeconds(29));
        Assert.Equal(1, context.Book.GetCounts("NSE").Pending);
        clock.Elapse(TimeSpan.FromSeconds(2));
        Assert.Equal(0, context.Book.GetCounts("NSE").Pending);
    }

    [Fact]
    public void A_book_on_another_clock_reads_its_own()
    {
        var clock = new CountingClock();
        var bookClock = new CountingClock();
        using var context = new RiskContext(Settings, new InMemoryPositionBook(timeProvider: bookClock), clock);
        var pipeline = RiskPipeline.CreateDefault(context);

        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);

        Assert.Equal((1, 1), (clock.Reads, bookClock.Reads));
    }

    [Fact]
    public void A_refusal_at_a_cap_of_open_positions_with_no_cooldown_reads_no_clock()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(Settings, timeProvider: clock);
        var pipeline = RiskPipeline.CreateDefault(context);
        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P1");
        clock.Elapse(TimeSpan.FromSeconds(1));
        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P2");
        clock.Elapse(TimeSpan.FromSeconds(1));
        var before = clock.Reads;

        var decision = pipeline.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.PositionLimitReached, decision.Reason);
        Assert.Equal(2, decision.Verdict.Observed);
        Assert.Equal(0, clock.Reads - before);
    }

    [Fact]
    public void The_shared_reading_stamps_the_cooldown_and_counts_the_order()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(new RiskSettings { MaxOrdersPerSecond = 1 }, timeProvider: clock);
        var pipeline = RiskPipeline.CreateDefault(context);

        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);

        // The clock has not moved since the decision read it: the stamp and the count are at that reading.
        var decided = new DecisionClock(clock);
        Assert.Equal(TimeSpan.Zero, context.Cooldowns.SinceLastTrade("NSE", ref decided));
        Assert.False(context.OrderRate.SurelyHasRoom("NSE", ref decided));
        Assert.Equal(1, context.OrderRate.CountLastSecond("NSE", ref decided));
    }

    [Fact]
    public void A_pending_reservation_is_still_swept_when_it_expires_at_the_cap()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(Settings with { ReservationTimeout = TimeSpan.FromSeconds(30) }, timeProvider: clock);
        var pipeline = RiskPipeline.CreateDefault(context);
        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P1");
        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);
        Assert.Equal(RejectionReason.PositionLimitReached, pipeline.Evaluate(TestRig.Signal()).Reason);

        clock.Elapse(TimeSpan.FromSeconds(31));

        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);
        Assert.Equal(1, context.Book.ExpiredReservations);
    }

    [Fact]
    public void A_custom_timed_gate_gets_the_decision_s_reading_and_the_clock_is_still_read_once()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(Settings, timeProvider: clock);
        var probe = new ClockProbeGate();
        var pipeline = new RiskPipeline(context, new IRiskGate[] { probe, new OrderRateGate(context), new CooldownGate(context) }, new PositionLimitGate(context));

        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);

        Assert.Equal(1, clock.Reads);
        Assert.Equal(clock.Peek(), probe.Seen);
        Assert.Equal(TimeSpan.Zero, context.Cooldowns.SinceLastTrade("NSE"));
    }

    private sealed class ClockProbeGate : ITimedGate
    {
        public long Seen { get; private set; }

        public string Name => "ClockProbe";

        public GateVerdict Check(in TradeIntent intent) => throw new InvalidOperationException("A pipeline hands a timed gate the decision's clock.");

        public GateVerdict Check(in TradeIntent intent, ref DecisionClock clock)
        {
            Seen = clock.GetTimestamp();
            return GateVerdict.Pass(Name);
        }
    }
}
