using System;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The admission's quick count (<see cref="OrderRateWindow.TryCountQuickly"/>): it counts only in the two cases one
/// compare-and-swap settles (the newest bucket, or a whole span later) and counts nothing in every other case, which
/// the full take then decides; so the two together count exactly what the full take alone counts.
/// </summary>
public sealed class OrderRateQuickCountTests
{
    private const int Buckets = OrderRateLimiter.BucketsPerSecond;

    [Fact]
    public void Counts_in_the_newest_bucket_an_older_reading_included_up_to_the_limit()
    {
        var window = new OrderRateWindow(100);

        Assert.Equal(100, window.TryCountQuickly(100, 3));
        Assert.Equal(100, window.TryCountQuickly(97, 3));
        Assert.Equal(100, window.TryCountQuickly(100, 3));

        // The limit reached: nothing counted; the full take refuses and reports the count.
        Assert.Equal(OrderRateWindow.NotCounted, window.TryCountQuickly(100, 3));
        Assert.Equal(3, window.CountAt(100));
        Assert.Equal(OrderRateWindow.Take.Refused, window.TryTake(100, 3, out var count, out _));
        Assert.Equal(3, count);
    }

    [Fact]
    public void Starts_the_span_again_a_whole_span_later_and_leaves_a_partial_move_to_the_full_take()
    {
        var window = new OrderRateWindow(100);
        Assert.Equal(100, window.TryCountQuickly(100, 3));
        Assert.Equal(100, window.TryCountQuickly(100, 3));

        // 1 to BucketsPerSecond buckets on, the span must drop the buckets that leave: under the lock, not here.
        for (var later = 1; later <= Buckets; later++)
        {
            Assert.Equal(OrderRateWindow.NotCounted, window.TryCountQuickly(100 + later, 3));
        }

        Assert.Equal(2, window.CountAt(100));

        // A whole span on, every order has left: the span starts again at the reading, holding this order.
        var restart = 100 + Buckets + 1;
        Assert.Equal(restart, window.TryCountQuickly(restart, 3));
        Assert.Equal(1, window.CountAt(restart));
        Assert.True(window.Untake(restart));
        Assert.Equal(0, window.CountAt(restart));
    }

    [Fact]
    public void Counts_nothing_in_a_retired_window_nor_past_its_bucket_numbers()
    {
        var window = new OrderRateWindow(0);
        Assert.True(window.TryRetire(Buckets + 1));
        Assert.Equal(OrderRateWindow.NotCounted, window.TryCountQuickly(0, 3));
        Assert.Equal(OrderRateWindow.NotCounted, window.TryCountQuickly(1_000, 3));

        // Past the numbers the window can hold, the full take hands its counts to a successor.
        var fresh = new OrderRateWindow(0);
        Assert.Equal(OrderRateWindow.NotCounted, fresh.TryCountQuickly(OrderRateWindow.MaxNewest + 1, 3));
        Assert.Equal(OrderRateWindow.Take.Moved, fresh.TryTake(OrderRateWindow.MaxNewest + 1, 3, out _, out _));
        Assert.Equal(0, fresh.CountAt(0));
    }

    [Fact]
    public void The_gate_counts_the_first_order_of_an_exchange_and_any_spelling_against_the_canonical_name()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(new RiskSettings { MaxOrdersPerSecond = 2 }, timeProvider: clock);
        var gate = new OrderRateGate(context);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);

        // No window yet: the full take creates it. Then the quick count, then a spelling the quick count does not find.
        Assert.True(Take(gate, TestRig.Signal() with { Exchange = "NSE" }, slot, clock).IsPassed);
        Assert.True(Take(gate, TestRig.Signal() with { Exchange = "nse" }, slot, clock).IsPassed);
        var refused = Take(gate, TestRig.Signal() with { Exchange = "NSE" }, slot, clock);

        Assert.Equal(RejectionReason.OrderRateExceeded, refused.Reason);
        Assert.Equal(2, refused.Observed);
        Assert.Equal(2, refused.Limit);
        Assert.Equal(2, context.OrderRate.CountLastSecond("NSE"));
    }

    [Fact]
    public void The_gate_counts_on_the_limiters_own_clock_when_the_decision_reads_another()
    {
        var clock = new CountingClock();
        using var context = new RiskContext(new RiskSettings { MaxOrdersPerSecond = 5 }, timeProvider: clock);
        var gate = new OrderRateGate(context);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        Assert.True(Take(gate, TestRig.Signal(), slot, clock).IsPassed);

        var other = new CountingClock();
        other.Elapse(TimeSpan.FromDays(1));
        var decision = new DecisionClock(other);
        Assert.True(gate.TryTake(TestRig.Signal(), in slot, ref decision, out var receipt).IsPassed);

        // Counted in the limiter's own bucket (the first order's), not a day later on the other clock.
        Assert.Equal(2, context.OrderRate.CountLastSecond("NSE"));
        Assert.False(decision.IsRead);
        gate.Undo(TestRig.Signal(), in receipt);
        Assert.Equal(1, context.OrderRate.CountLastSecond("NSE"));
    }

    private static GateVerdict Take(OrderRateGate gate, TradeIntent intent, AdmissionSlot slot, TimeProvider clock)
    {
        var decision = new DecisionClock(clock);
        return gate.TryTake(in intent, in slot, ref decision, out _);
    }
}
