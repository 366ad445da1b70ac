using System;
using System.Collections.Generic;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Monitoring;

namespace RiskSdk.Tests.Monitoring;

/// <summary>The kill switch records why, who and when, announces each move, and lets a shared store adopt a status.</summary>
public sealed class TradingSwitchTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 45, 0, TimeSpan.Zero);

    [Fact]
    public void A_context_whose_settings_turn_auto_execution_off_starts_halted_by_the_settings()
    {
        using var context = new RiskContext(new RiskSettings { AutoExecEnabled = false }, timeProvider: new FakeTimeProvider(Start));

        var status = context.Switch.Status;

        Assert.Equal(TradingState.Halted, status.State);
        Assert.Equal(TradingSwitch.SettingsActor, status.ChangedBy);
        Assert.Contains("AutoExecEnabled = false", status.Reason, StringComparison.Ordinal);
        Assert.Equal(Start, status.ChangedAt);
    }

    [Fact]
    public void Each_move_records_reason_author_and_time_and_is_announced_once()
    {
        var clock = new FakeTimeProvider(Start);
        var trading = new TradingSwitch(TradingState.Active, "start", "settings", timeProvider: clock);
        var moves = new List<TradingStatusChangedEventArgs>();
        trading.Changed += (_, change) => moves.Add(change);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(trading.Halt("limit breach on NSE", "alice"));
        Assert.False(trading.Halt("limit breach on NSE", "alice")); // the same cause again changes nothing
        Assert.False(trading.ReduceOnly("wind down", "bob")); // a halt latches
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(trading.Resume("reviewed", "carol"));

        Assert.Equal(2, moves.Count);
        Assert.Equal(new TradingStatus(TradingState.Halted, "limit breach on NSE", "alice", Start.AddSeconds(10)), moves[0].Current);
        Assert.Equal(TradingState.Active, moves[0].Previous.State);
        Assert.Equal(new TradingStatus(TradingState.Active, "reviewed", "carol", Start.AddSeconds(20)), trading.Status);
        Assert.All(moves, move => Assert.False(move.Adopted));
        Assert.Equal(2, trading.Version);
    }

    [Fact]
    public void An_adopted_status_keeps_its_origin_and_is_marked_adopted()
    {
        var trading = new TradingSwitch(TradingState.Active, "start", "settings", timeProvider: new FakeTimeProvider(Start));
        TradingStatusChangedEventArgs? seen = null;
        trading.Changed += (_, change) => seen = change;
        var shared = new TradingStatus(TradingState.Halted, "halted on desk 2", "dave@host-b", Start.AddMinutes(-1));

        Assert.True(trading.Adopt(shared));

        Assert.Same(shared, trading.Status);
        Assert.Equal(TradingState.Halted, trading.State);
        Assert.True(seen!.Adopted);
    }

    [Fact]
    public void A_second_halt_for_a_new_cause_keeps_the_state_and_records_the_cause()
    {
        var clock = new FakeTimeProvider(Start);
        var trading = new TradingSwitch(TradingState.Active, "start", "settings", timeProvider: clock);
        var changes = new List<TradingStatusChangedEventArgs>();
        trading.Changed += (_, change) => changes.Add(change);
        trading.Halt("drawdown stop", "alice");
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(trading.Halt("broker outage", "bob"));

        Assert.Equal(new TradingStatus(TradingState.Halted, "broker outage", "bob", Start.AddMinutes(1)), trading.Status);
        Assert.Equal(2, changes.Count);
        Assert.Equal("drawdown stop", changes[1].Previous.Reason);
        Assert.Equal(TradingState.Halted, changes[1].Previous.State);
        Assert.False(changes[1].Adopted);
        Assert.Equal(2, trading.Version);

        // A reduce-only against the latched halt still changes nothing, cause included.
        Assert.False(trading.ReduceOnly("wind down", "carol"));
        Assert.Equal("broker outage", trading.Status.Reason);
        Assert.Equal(2, trading.Version);
    }

    [Fact]
    public void Adopting_the_state_held_with_a_new_cause_takes_the_cause()
    {
        var trading = new TradingSwitch(TradingState.Halted, "auto-execution disabled in the settings", TradingSwitch.SettingsActor, timeProvider: new FakeTimeProvider(Start));
        var changes = new List<TradingStatusChangedEventArgs>();
        trading.Changed += (_, change) => changes.Add(change);
        var shared = new TradingStatus(TradingState.Halted, "risk review", "alice (desk-2)", Start.AddMinutes(-5));

        Assert.False(trading.Adopt(shared));
        Assert.False(trading.Adopt(shared with { }));

        Assert.Same(shared, trading.Status);
        var change = Assert.Single(changes);
        Assert.True(change.Adopted);
        Assert.Equal(TradingSwitch.SettingsActor, change.Previous.ChangedBy);
        Assert.Equal(1, trading.Version);
    }

    [Fact]
    public void A_handler_that_throws_does_not_undo_the_move()
    {
        var trading = new TradingSwitch();
        trading.Changed += (_, _) => throw new InvalidOperationException("listener bug");

        Assert.True(trading.Halt("test"));

        Assert.Equal(TradingState.Halted, trading.State);
    }
}
