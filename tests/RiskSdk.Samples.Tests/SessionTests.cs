using System.Linq;
using OiTracker.Tape;
using Xunit;
using static RiskSdk.Samples.Tests.HandWrittenTape;

namespace RiskSdk.Samples.Tests;

public sealed class SessionTests
{
    [Fact]
    public void Losses_beyond_the_session_drawdown_stop_halt_new_positions_for_the_rest_of_the_day()
    {
        var tape = Read(
            Signal("09:20:00", "A"),
            Exit("09:30:00", "A", reason: "stop", pnl: -6000),
            Signal("09:40:00", "B"),
            Signal("14:40:00", "C", exchange: "BSE"));

        var result = Replays.Gated(tape, ("AUTO_EXEC_SESSION_DRAWDOWN_STOP", "5000"));

        Assert.Equal(["A"], result.Approvals.Select(static a => a.SignalId).ToArray());
        Assert.Equal(2, result.Rejections[RejectionReason.SessionDrawdownStop]);
    }

    [Fact]
    public void A_new_trading_day_starts_a_new_session()
    {
        var tape = Read(
            Signal("09:20:00", "A"),
            Exit("09:30:00", "A", reason: "stop", pnl: -6000),
            Signal("09:40:00", "B"),
            Signal("2026-11-26T09:20:00", "C"));

        var result = Replays.Gated(tape, ("AUTO_EXEC_SESSION_DRAWDOWN_STOP", "5000"));

        Assert.Equal(["A", "C"], result.Approvals.Select(static a => a.SignalId).ToArray());
        Assert.Equal(2, result.Sessions.Windows.Count);
    }

    [Fact]
    public void An_exit_throttled_by_the_order_rate_is_sent_again_and_closes_the_position()
    {
        var tape = Read(
            Signal("09:20:00", "A"),
            Signal("09:25:01", "B"),
            Exit("09:30:00.000", "A"),
            Exit("09:30:00.100", "B"));

        var result = Replays.Gated(tape, ("AUTO_EXEC_MAX_ORDERS_PER_SECOND", "1"));

        Assert.Equal(1, result.ExitRetries);
        Assert.Equal(2, result.Exits[ExitReason.Target]);
        Assert.Equal(0, result.Timelines["NSE"].Points[^1].Open);
    }

    [Fact]
    public void Figures_are_measured_over_trading_hours_only()
    {
        var tape = Read(Signal("09:20:00", "A"), Exit("15:30:00", "A"));

        var figures = Replays.Gated(tape).For("NSE");

        Assert.Equal(1, figures.MaxOpen);
        Assert.InRange(figures.AverageOpen, 370.0 / 375 - 0.001, 370.0 / 375);
        Assert.Equal(System.TimeSpan.Zero, figures.TimeAtOrAboveNormalCap);
    }
}
