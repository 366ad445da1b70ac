using System;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>New limits put in force on a running context: the next decision uses them, the state stays.</summary>
public sealed class ApplySettingsTests
{
    private static readonly RiskSettings NoCooldowns = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [Fact]
    public void A_raised_cap_applies_to_the_next_decision_and_keeps_positions_and_reservations()
    {
        using var rig = new TestRig(NoCooldowns);
        Assert.True(rig.EvaluateAndFill(TestRig.Signal(), "P1").IsApproved);
        var pending = rig.Evaluate(TestRig.Signal());
        Assert.True(pending.IsApproved);
        Assert.Equal(RejectionReason.PositionLimitReached, rig.Evaluate(TestRig.Signal()).Reason);

        Assert.Empty(rig.Context.ApplySettings(NoCooldowns with { MaxOpenPositions = 3, MaxOpenPositionsHighConfidence = 3 }));

        Assert.Equal(new ScopeCounts(1, 1), rig.Book.GetCounts("NSE"));
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
        Assert.True(pending.Reservation.Commit("P2"));
        Assert.Equal(new ScopeCounts(2, 1), rig.Book.GetCounts("NSE"));
    }

    [Fact]
    public void A_lowered_cap_refuses_the_next_entry_without_touching_open_positions()
    {
        using var rig = new TestRig(NoCooldowns);
        Assert.True(rig.EvaluateAndFill(TestRig.Signal(), "P1").IsApproved);

        rig.Context.ApplySettings(NoCooldowns with { MaxOpenPositions = 1, MaxOpenPositionsHighConfidence = 1 });

        var refused = rig.Evaluate(TestRig.Signal(confidence: 0.99));
        Assert.Equal(RejectionReason.PositionLimitReached, refused.Reason);
        Assert.Equal(new[] { "P1" }, rig.Book.GetOpenPositions("NSE"));
    }

    [Fact]
    public void Cooldowns_keep_running_and_a_longer_window_applies_at_once()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.FromSeconds(30), CooldownWithPositions = TimeSpan.FromSeconds(60) });
        Assert.True(rig.EvaluateAndFill(TestRig.Signal(), "P1").IsApproved);
        rig.Clock.Advance(TimeSpan.FromSeconds(90));

        // 90 s passed: past the old 60 s window, inside the new 120 s one (the gate once cached the longest window).
        rig.Context.ApplySettings(new RiskSettings { SignalCooldown = TimeSpan.FromSeconds(30), CooldownWithPositions = TimeSpan.FromSeconds(120) });

        Assert.Equal(RejectionReason.CooldownActive, rig.Evaluate(TestRig.Signal()).Reason);
        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void Invalid_settings_throw_with_every_problem_and_change_nothing()
    {
        using var rig = new TestRig();
        var before = rig.Context.Settings;

        var error = Assert.Throws<ArgumentException>(() => rig.Context.ApplySettings(new RiskSettings { MinConfidence = 2, MaxLotsPerOrder = 0 }));

        Assert.Contains(nameof(RiskSettings.MinConfidence), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RiskSettings.MaxLotsPerOrder), error.Message, StringComparison.Ordinal);
        Assert.Same(before, rig.Context.Settings);
    }

    [Fact]
    public void The_order_rate_and_reservation_timeout_keep_their_running_values_and_are_named()
    {
        using var rig = new TestRig();

        var kept = rig.Context.ApplySettings(new RiskSettings { MaxOrdersPerSecond = 50, ReservationTimeout = TimeSpan.FromSeconds(5), MaxLotsPerOrder = 8 });

        Assert.Equal(new[] { nameof(RiskSettings.MaxOrdersPerSecond), nameof(RiskSettings.ReservationTimeout) }, kept);
        Assert.Equal(10, rig.Context.Settings.MaxOrdersPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(30), rig.Context.Settings.ReservationTimeout);
        Assert.Equal(8, rig.Context.Settings.MaxLotsPerOrder);
    }

    [Fact]
    public void Auto_exec_turning_false_halts_and_turning_true_resumes_only_its_own_halt()
    {
        using var rig = new TestRig();
        rig.Context.ApplySettings(new RiskSettings { AutoExecEnabled = false });
        Assert.Equal(TradingState.Halted, rig.Context.Switch.State);

        rig.Context.ApplySettings(new RiskSettings { AutoExecEnabled = true });
        Assert.Equal(TradingState.Active, rig.Context.Switch.State);

        rig.Context.ApplySettings(new RiskSettings { AutoExecEnabled = false });
        rig.Context.Switch.Halt("operator: desk closed");
        rig.Context.ApplySettings(new RiskSettings { AutoExecEnabled = true });
        Assert.Equal(TradingState.Halted, rig.Context.Switch.State);
    }

    [Fact]
    public void Auto_exec_turning_true_never_resumes_an_operator_halt_or_a_start_halted_context_touched_since()
    {
        using var operatorHalt = new TestRig();
        operatorHalt.Context.Switch.Halt("operator");
        operatorHalt.Context.ApplySettings(new RiskSettings { AutoExecEnabled = false });
        operatorHalt.Context.ApplySettings(new RiskSettings { AutoExecEnabled = true });
        Assert.Equal(TradingState.Halted, operatorHalt.Context.Switch.State);

        using var startedHalted = new TestRig(new RiskSettings { AutoExecEnabled = false });
        startedHalted.Context.ApplySettings(new RiskSettings { AutoExecEnabled = true });
        Assert.Equal(TradingState.Active, startedHalted.Context.Switch.State);

        using var haltedAgain = new TestRig(new RiskSettings { AutoExecEnabled = false });
        haltedAgain.Context.Switch.Halt("operator");
        haltedAgain.Context.ApplySettings(new RiskSettings { AutoExecEnabled = true });
        Assert.Equal(TradingState.Halted, haltedAgain.Context.Switch.State);
    }
}
