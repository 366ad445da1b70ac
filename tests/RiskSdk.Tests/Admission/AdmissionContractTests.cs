using System;
using System.Linq;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Gates;

namespace RiskSdk.Tests.Admission;

/// <summary>
/// Admission is one contract: the slot, then each <see cref="IAdmittingGate"/> in declared order, and when a later step
/// refuses or throws, everything taken is given back, so nothing survives a refusal.
/// </summary>
public sealed class AdmissionContractTests
{
    private static readonly RiskSettings OneOrderASecond = new() { MaxOrdersPerSecond = 1 };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_rate_refusal_at_admission_leaves_no_cooldown_stamped_and_no_slot_taken(bool cooldownFirst)
    {
        using var rig = new TestRig(OneOrderASecond);
        var context = rig.Context;
        var cooldown = new CooldownGate(context);
        var orderRate = new OrderRateGate(context);
        var pipeline = new RiskPipeline(
            context,
            cooldownFirst
                ? new IRiskGate[] { cooldown, orderRate, new ConcurrentOrderGate(context) }
                : new IRiskGate[] { orderRate, cooldown, new ConcurrentOrderGate(context) },
            new PositionLimitGate(context));

        var refused = pipeline.Evaluate(TestRig.Signal());

        Assert.Equal(RejectionReason.OrderRateExceeded, refused.Reason);
        Assert.Null(context.Cooldowns.SinceLastTrade("NSE"));
        Assert.Equal(0, context.Book.GetCounts("NSE").Total);

        // A second later the allowance is back and, no order having gone out, no cooldown stands in the way.
        rig.Advance(1.1);
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void A_custom_admitting_gate_is_undone_when_a_later_step_refuses()
    {
        using var rig = new TestRig();
        var daily = new DailyCountGate(rig.Clock, limit: 1);
        var later = new ScriptedAdmissionGate { Refuse = true };
        var pipeline = new RiskPipeline(rig.Context, new IRiskGate[] { new CooldownGate(rig.Context), daily, later }, new PositionLimitGate(rig.Context));
        var intent = TestRig.Signal() with { Symbol = "NIFTY" };

        var refused = pipeline.Evaluate(in intent);

        Assert.Equal(RejectionReason.CustomGate, refused.Reason);
        Assert.Equal("Scripted", refused.Gate);
        Assert.Equal(0, daily.CountToday("NIFTY"));
        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("NSE"));
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
        Assert.Equal(0, later.Undone);

        later.Refuse = false;
        Assert.True(pipeline.Evaluate(in intent).IsApproved);
        Assert.Equal(1, daily.CountToday("NIFTY"));
    }

    [Fact]
    public void A_book_that_throws_while_giving_the_slot_back_has_no_gate_undone_twice()
    {
        var book = new ReleaseThrowingBook();
        using var context = new RiskContext(new RiskSettings(), book, new FakeTimeProvider());
        var first = new ScriptedAdmissionGate();
        var later = new ScriptedAdmissionGate { Refuse = true };
        var pipeline = new RiskPipeline(context, new IRiskGate[] { first, later }, new PositionLimitGate(context));

        var refused = pipeline.Evaluate(TestRig.Signal());

        // The later gate's refusal decides; the failed give-back is logged, and nothing is undone a second time.
        Assert.Equal(RejectionReason.CustomGate, refused.Reason);
        Assert.Equal(1, first.Undone);
        Assert.Equal(1, book.ReleaseAttempts);
    }

    [Fact]
    public void The_cooldown_start_is_logged_only_once_the_trade_is_admitted()
    {
        const int cooldownStarted = 1004;
        var logger = new FakeLogger();
        using var context = new RiskContext(new RiskSettings(), timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)), logger: logger);
        var later = new ScriptedAdmissionGate { Refuse = true };
        var pipeline = new RiskPipeline(context, new IRiskGate[] { new CooldownGate(context), later }, new PositionLimitGate(context));

        var refused = pipeline.Evaluate(TestRig.Signal());

        // The cooldown stamped, then the later step refused and the stamp was undone: no cooldown started.
        Assert.Equal(RejectionReason.CustomGate, refused.Reason);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == cooldownStarted);

        later.Refuse = false;
        Assert.True(pipeline.Evaluate(TestRig.Signal()).IsApproved);
        var started = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == cooldownStarted);
        Assert.Equal("NSE cooldown started: next trade in 300 s (positions open: True)", started.Message);
        Assert.Equal(1, later.Kept);
    }

    [Fact]
    public void An_admitting_gate_that_throws_when_told_of_its_admission_refuses_the_trade_and_everything_is_undone()
    {
        using var rig = new TestRig();
        var daily = new DailyCountGate(rig.Clock, limit: 5);
        var notice = new ScriptedAdmissionGate { ThrowWhenAdmitted = true };
        var pipeline = new RiskPipeline(rig.Context, new IRiskGate[] { new CooldownGate(rig.Context), daily, notice }, new PositionLimitGate(rig.Context));
        var intent = TestRig.Signal() with { Symbol = "NIFTY" };

        var refused = pipeline.Evaluate(in intent);

        Assert.Equal(RejectionReason.GateFault, refused.Reason);
        Assert.Equal("Scripted", refused.Gate);
        Assert.Equal(0, daily.CountToday("NIFTY"));
        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("NSE"));
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
        Assert.Equal(1, notice.Undone);
    }

    [Fact]
    public void An_approval_that_fails_to_be_announced_is_refused_as_the_position_limit_gate_s_fault_and_undone()
    {
        using var context = new RiskContext(new RiskSettings(), timeProvider: new FakeTimeProvider(), logger: new ApprovalLogThrows());
        var pipeline = new RiskPipeline(context, new IRiskGate[] { new CooldownGate(context) }, new PositionLimitGate(context));

        var refused = pipeline.Evaluate(TestRig.Signal());

        // The cooldown had taken its stamp and been told so; the failure is the announcement's, not the cooldown's.
        Assert.Equal(RejectionReason.GateFault, refused.Reason);
        Assert.Equal(PositionLimitGate.GateName, refused.Gate);
        Assert.Null(context.Cooldowns.SinceLastTrade("NSE"));
        Assert.Equal(0, context.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void A_custom_admitting_gate_takes_part_in_declared_order_and_refuses_at_its_limit()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero });
        var daily = new DailyCountGate(rig.Clock, limit: 1);
        var pipeline = new RiskPipeline(rig.Context, new IRiskGate[] { daily }, new PositionLimitGate(rig.Context));
        var nifty = TestRig.Signal() with { Symbol = "NIFTY" };

        Assert.True(pipeline.Evaluate(in nifty).IsApproved);
        var second = pipeline.Evaluate(in nifty);
        Assert.True(pipeline.Evaluate(TestRig.Signal() with { Symbol = "SENSEX" }).IsApproved);

        Assert.Equal(RejectionReason.CustomGate, second.Reason);
        Assert.Equal(2, rig.Book.GetCounts("NSE").Pending);
    }

    [Fact]
    public void A_step_that_throws_undoes_every_step_before_it_and_refuses_with_a_gate_fault()
    {
        using var rig = new TestRig();
        var daily = new DailyCountGate(rig.Clock, limit: 5);
        var first = new ScriptedAdmissionGate();
        var throwing = new ScriptedAdmissionGate { Throw = true };
        var pipeline = new RiskPipeline(rig.Context, new IRiskGate[] { new OrderRateGate(rig.Context), first, daily, new CooldownGate(rig.Context), throwing }, new PositionLimitGate(rig.Context));
        var intent = TestRig.Signal() with { Symbol = "NIFTY" };

        var refused = pipeline.Evaluate(in intent);

        Assert.Equal(RejectionReason.GateFault, refused.Reason);
        Assert.Equal("Scripted", refused.Gate);
        Assert.Equal(1, first.Undone);
        Assert.Equal(0, daily.CountToday("NIFTY"));
        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("NSE"));
        Assert.Equal(0, rig.Context.OrderRate.CountLastSecond("NSE"));
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void An_undo_never_removes_what_another_trade_took_since()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero });
        var cooldown = new CooldownGate(rig.Context);
        var intent = TestRig.Signal();
        var clock = new DecisionClock(rig.Clock);
        Assert.True(cooldown.TryTake(in intent, new AdmissionSlot(0, default, true), ref clock, out var mine).IsPassed);

        // Another trade stamps after this one (the windows are zero, so it may); undoing this one must keep its stamp.
        rig.Advance(1);
        var theirs = new DecisionClock(rig.Clock);
        Assert.True(cooldown.TryTake(in intent, new AdmissionSlot(0, default, true), ref theirs, out _).IsPassed);
        cooldown.Undo(in intent, in mine);

        Assert.Equal(TimeSpan.Zero, rig.Context.Cooldowns.SinceLastTrade("NSE"));
    }
}
