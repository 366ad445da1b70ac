using System;
using System.Threading;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// The order-rate limiter and the cooldown clock find an exchange's state by the name as given when it is held that way
/// (the canonical name a pipeline passes) and through the <see cref="ExchangeName"/> rule otherwise: every entry point
/// reaches one state per exchange under every spelling the rule accepts, a state is only ever created under the
/// canonical name (so the states counted after mixed spellings are one), and a name the rule refuses behaves as an
/// exchange never seen (reads) or is refused (writes).
/// </summary>
public sealed class ExchangeSpellingStateTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Spellings of NSE that are not canonical, the first of each test's mixed sequence.</summary>
    public static TheoryData<string> OtherSpellings => new() { "nse", " NSE", " Nse\t", "\uFF2E\uFF33\uFF25" };

    /// <summary>Names the rule refuses.</summary>
    public static TheoryData<string?> RefusedNames => new() { null, "", "   ", "N\u200BSE", "NSE\0" };

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void TryTake_counts_every_spelling_against_one_window(string spelling)
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(3, clock);
        var decision = new DecisionClock(clock);

        Assert.True(limiter.TryTake(spelling, out var first));
        Assert.True(limiter.TryTake("NSE", ref decision, out var second));
        Assert.True(limiter.TryTake(spelling, ref decision, out var third));
        Assert.False(limiter.TryTake("NSE", out var refusedAt));
        Assert.False(limiter.TryTake(spelling, ref decision, out _));

        Assert.Equal((0, 1, 2, 3), (first, second, third, refusedAt));
        Assert.Equal(1, limiter.Count);
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void CountLastSecond_reads_the_one_window_under_every_spelling(string spelling)
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(5, clock);
        var decision = new DecisionClock(clock);
        Assert.True(limiter.TryTake(spelling, out _));
        Assert.True(limiter.TryTake("NSE", out _));

        Assert.Equal(2, limiter.CountLastSecond("NSE"));
        Assert.Equal(2, limiter.CountLastSecond(spelling));
        Assert.Equal(2, limiter.CountLastSecond(spelling, ref decision));
        Assert.Equal(0, limiter.CountLastSecond("BSE"));
        Assert.Equal(1, limiter.Count);
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void SurelyHasRoom_reads_the_one_window_under_every_spelling(string spelling)
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(2, clock);
        Assert.True(limiter.SurelyHasRoom(spelling));
        Assert.True(limiter.TryTake(spelling, out _));
        Assert.True(limiter.SurelyHasRoom("NSE"));
        Assert.True(limiter.TryTake("NSE", out _));

        var decision = new DecisionClock(clock);
        Assert.False(limiter.SurelyHasRoom("NSE"));
        Assert.False(limiter.SurelyHasRoom(spelling));
        Assert.False(limiter.SurelyHasRoom(spelling, ref decision));
        Assert.True(limiter.SurelyHasRoom("BSE"));

        // Every order has left the span by a later reading: room, however the name is spelled.
        clock.Elapse(TimeSpan.FromSeconds(1.2));
        var later = new DecisionClock(clock);
        Assert.True(limiter.SurelyHasRoom(spelling, ref later));
        Assert.Equal(1, limiter.Count);
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void Untake_gives_back_the_order_under_any_spelling(string spelling)
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(2, clock);
        var decision = new DecisionClock(clock);
        Assert.True(limiter.TryTake("NSE", ref decision, out _, out var countedIn));
        Assert.True(limiter.TryTake(spelling, ref decision, out _, out var countedAgain));

        limiter.Untake(spelling, countedIn);
        Assert.Equal(1, limiter.CountLastSecond("NSE"));
        limiter.Untake("NSE", countedAgain);
        Assert.Equal(0, limiter.CountLastSecond(spelling));
        Assert.Equal(1, limiter.Count);
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void The_order_rate_gate_gives_back_an_order_taken_for_any_spelling(string spelling)
    {
        // Before the limiter looked names up through the rule, the gate's Undo looked the window up under the intent's
        // spelling: a direct caller's "nse" counted in NSE's window and was never given back.
        using var rig = new TestRig(new RiskSettings { MaxOrdersPerSecond = 1 });
        var gate = new OrderRateGate(rig.Context);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        var intent = TestRig.Signal(exchange: spelling);
        var clock = new DecisionClock(rig.Clock);

        Assert.True(gate.TryTake(in intent, in slot, ref clock, out var receipt).IsPassed);
        Assert.Equal(1, rig.Context.OrderRate.CountLastSecond("NSE"));

        gate.Undo(in intent, in receipt);

        Assert.Equal(0, rig.Context.OrderRate.CountLastSecond("NSE"));
        Assert.True(gate.TryTake(in intent, in slot, ref clock, out _).IsPassed);
        Assert.Equal(1, rig.Context.OrderRate.Count);
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void The_limiter_reads_a_refused_name_as_an_exchange_never_seen_and_refuses_to_count_it(string? name)
    {
        var clock = new CountingClock();
        var limiter = new OrderRateLimiter(1, clock);
        Assert.True(limiter.TryTake("NSE", out _));
        var decision = new DecisionClock(clock);

        Assert.True(limiter.SurelyHasRoom(name!));
        Assert.True(limiter.SurelyHasRoom(name!, ref decision));
        Assert.Equal(0, limiter.CountLastSecond(name!));
        Assert.Equal(0, limiter.CountLastSecond(name!, ref decision));
        limiter.Untake(name!, 0);
        var reads = clock.Reads;
        Assert.Equal("exchange", Assert.ThrowsAny<ArgumentException>(() => limiter.TryTake(name!, out _)).ParamName);
        Assert.Equal(reads, clock.Reads);
        Assert.Equal(1, limiter.Count);
        Assert.Equal(1, limiter.CountLastSecond("NSE"));
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void TryRecordTrade_judges_every_spelling_against_one_stamp(string spelling)
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        var decision = new DecisionClock(clock);

        Assert.True(cooldowns.TryRecordTrade(spelling, Window, out _));
        Assert.False(cooldowns.TryRecordTrade("NSE", Window, out var elapsed));
        Assert.False(cooldowns.TryRecordTrade(spelling, Window, ref decision, out _));
        Assert.Equal(TimeSpan.Zero, elapsed);

        clock.Elapse(Window);
        Assert.True(cooldowns.TryRecordTrade("NSE", Window, out _));
        Assert.False(cooldowns.TryRecordTrade(spelling, Window, out _));
        Assert.Equal(1, cooldowns.Count);
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void RecordTrade_and_SinceLastTrade_meet_on_one_stamp_under_every_spelling(string spelling)
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        cooldowns.RecordTrade(spelling);
        clock.Elapse(TimeSpan.FromSeconds(3));
        var decision = new DecisionClock(clock);

        Assert.Equal(TimeSpan.FromSeconds(3), cooldowns.SinceLastTrade("NSE"));
        Assert.Equal(TimeSpan.FromSeconds(3), cooldowns.SinceLastTrade(spelling));
        Assert.Equal(TimeSpan.FromSeconds(3), cooldowns.SinceLastTrade(spelling, ref decision));
        Assert.Null(cooldowns.SinceLastTrade("BSE"));

        cooldowns.RecordTrade("NSE");
        Assert.Equal(TimeSpan.Zero, cooldowns.SinceLastTrade(spelling));
        Assert.Equal(1, cooldowns.Count);
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void TryLastTrade_and_UndoTrade_reach_the_one_stamp_under_every_spelling(string spelling)
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        var decision = new DecisionClock(clock);
        Assert.True(cooldowns.TryStamp("NSE", "exchange", 0, ref decision, out _, out var first));
        clock.Elapse(TimeSpan.FromSeconds(1));
        var later = new DecisionClock(clock);
        Assert.True(cooldowns.TryStamp(spelling, "exchange", 0, ref later, out var replaced, out var second));
        Assert.Equal(first, replaced);

        Assert.True(cooldowns.TryLastTrade(spelling, ref later, out var last, out _));
        Assert.Equal(second, last);

        cooldowns.UndoTrade(spelling, second, first);
        Assert.True(cooldowns.TryLastTrade("NSE", ref later, out last, out _));
        Assert.Equal(first, last);
        Assert.Equal(1, cooldowns.Count);
    }

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void The_cooldown_gate_checks_stamps_and_gives_back_one_stamp_under_every_spelling(string spelling)
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = Window, CooldownWithPositions = Window });
        var gate = new CooldownGate(rig.Context);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        var spelled = TestRig.Signal(exchange: spelling);
        var canonical = TestRig.Signal();
        var clock = new DecisionClock(rig.Clock);

        Assert.True(gate.TryTake(in spelled, in slot, ref clock, out var receipt).IsPassed);
        Assert.Equal(RejectionReason.CooldownActive, gate.Check(in canonical, ref clock).Reason);
        Assert.Equal(RejectionReason.CooldownActive, gate.TryTake(in canonical, in slot, ref clock, out _).Reason);

        gate.Undo(in spelled, in receipt);
        Assert.True(gate.Check(in spelled, ref clock).IsPassed);
        Assert.True(gate.TryTake(in canonical, in slot, ref clock, out _).IsPassed);
        Assert.Equal(RejectionReason.CooldownActive, gate.Check(in spelled, ref clock).Reason);
        Assert.Equal(1, rig.Context.Cooldowns.Count);
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void The_cooldown_clock_reads_a_refused_name_as_never_traded_and_refuses_to_stamp_it(string? name)
    {
        var clock = new CountingClock();
        var cooldowns = new CooldownClock(clock);
        cooldowns.RecordTrade("NSE");
        var decision = new DecisionClock(clock);

        Assert.Null(cooldowns.SinceLastTrade(name!));
        Assert.Null(cooldowns.SinceLastTrade(name!, ref decision));
        Assert.False(cooldowns.TryLastTrade(name!, ref decision, out _, out _));
        cooldowns.UndoTrade(name!, 0, 0);
        var reads = clock.Reads;
        Assert.Equal("exchange", Assert.ThrowsAny<ArgumentException>(() => cooldowns.TryRecordTrade(name!, Window, out _)).ParamName);
        Assert.Equal("exchange", Assert.ThrowsAny<ArgumentException>(() => cooldowns.RecordTrade(name!)).ParamName);
        Assert.Equal(reads, clock.Reads);

        using var rig = new TestRig();
        var intent = TestRig.Signal(exchange: name!);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        var gate = new CooldownGate(rig.Context);
        Assert.Equal("intent", Assert.ThrowsAny<ArgumentException>(() =>
        {
            var gateClock = new DecisionClock(rig.Clock);
            gate.TryTake(in intent, in slot, ref gateClock, out _);
        }).ParamName);
        Assert.Equal(0, rig.Context.Cooldowns.Count);
        Assert.Equal(1, cooldowns.Count);
    }

    [Fact]
    public void Mixed_spellings_racing_a_reclaim_keep_one_state_per_exchange_and_lose_nothing()
    {
        // As ScopeReclaimTests' races, with every other call spelling the exchange otherwise: a state found as given
        // and one found through the rule are the same state, and one retired under either path is left the same way.
        var exchanges = new[] { "EX0", "EX1", "EX2", "EX3", "EX4", "EX5", "EX6", "EX7", "EX8", "EX9", "EX10", "EX11" };
        for (var round = 0; round < 40; round++)
        {
            var limiter = new OrderRateLimiter(3, new CountingClock());
            var cooldowns = new CooldownClock(new CountingClock());
            var taken = new int[exchanges.Length];
            var stamped = new int[exchanges.Length];
            ScopeReclaimTests.Race(
                trader: i =>
                {
                    var e = i % exchanges.Length;
                    var name = (i / exchanges.Length) % 2 == 0 ? exchanges[e] : " " + exchanges[e].ToLowerInvariant();
                    if (limiter.TryTake(name, out _))
                    {
                        Interlocked.Increment(ref taken[e]);
                    }

                    if (cooldowns.TryRecordTrade(name, Window, out _))
                    {
                        Interlocked.Increment(ref stamped[e]);
                    }
                },
                reclaim: () =>
                {
                    limiter.ReclaimIdle();
                    cooldowns.ReclaimIdle(Window);
                });

            Assert.All(taken, count => Assert.Equal(3, count));
            Assert.All(stamped, count => Assert.Equal(1, count));
            Assert.Equal(exchanges.Length, limiter.Count);
            Assert.Equal(exchanges.Length, cooldowns.Count);
        }
    }
}
