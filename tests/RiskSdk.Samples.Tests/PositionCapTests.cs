using System.Linq;
using Xunit;

namespace RiskSdk.Samples.Tests;

public sealed class PositionCapTests
{
    [Theory]
    [InlineData("conservative")]
    [InlineData("moderate")]
    [InlineData("aggressive")]
    public void No_approval_takes_an_exchange_above_the_cap_in_force(string profile)
    {
        var settings = Replays.Settings(("RISK_PROFILE", profile));
        var result = Replays.Gated(variables: ("RISK_PROFILE", profile));

        Assert.NotEmpty(result.Approvals);
        Assert.All(result.Approvals, static a =>
        {
            Assert.True(a.HeldAfter <= a.CapAllowed, $"{a.SignalId} left {a.HeldAfter} in the book against a cap of {a.CapAllowed}");
            Assert.True(a.OpenAfter <= a.HeldAfter, $"{a.SignalId} left {a.OpenAfter} at the broker but {a.HeldAfter} in the book");
        });
        Assert.All(result.Exchanges, figures =>
        {
            Assert.Equal(0, figures.OverCapApprovals);
            Assert.InRange(figures.MaxOpen, 1, settings.MaxOpenPositionsHighConfidence);
            Assert.Equal(System.TimeSpan.Zero, figures.TimeAboveHighCap);
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_normal_cap_holds_at_normal_confidence_and_is_reached(int cap)
    {
        var result = Replays.Gated(variables: ("AUTO_EXEC_MAX_OPEN_POSITIONS", cap.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(["BSE", "NSE"], result.Exchanges.Select(static e => e.Exchange).ToArray());
        Assert.All(result.Exchanges, figures =>
        {
            Assert.Equal(cap, figures.MaxOpenAfterNormalApproval);
            Assert.InRange(figures.MaxOpenAfterHighApproval, 1, 3);
        });
        Assert.True(result.HighConfidenceApprovals > 0);
        Assert.True(result.Rejections[RejectionReason.PositionLimitReached] > 0);
    }

    [Fact]
    public void High_volatility_halves_the_caps()
    {
        var result = Replays.Gated();

        var volatile_ = result.Approvals.Where(static a => a.Regime == MarketRegime.HighVolatility).ToList();
        Assert.NotEmpty(volatile_);
        Assert.All(volatile_, static a => Assert.Equal(1, a.CapAllowed));
    }

    [Fact]
    public void Without_gates_the_same_tape_piles_positions_above_the_cap()
    {
        var settings = Replays.Settings();
        var ungated = Replays.Ungated();
        var gated = Replays.Gated();

        Assert.Equal(gated.SignalsSeen, ungated.SignalsSeen);
        Assert.All(ungated.Exchanges, figures =>
        {
            Assert.True(figures.MaxOpen > settings.MaxOpenPositionsHighConfidence, $"{figures.Exchange} peaked at {figures.MaxOpen}");
            Assert.True(figures.OverCapApprovals > 0);
            Assert.True(figures.TimeAboveHighCap > System.TimeSpan.Zero);
            Assert.True(figures.AverageOpen > gated.For(figures.Exchange).AverageOpen);
        });
        Assert.True(ungated.OrdersPlaced > gated.OrdersPlaced);
    }

    [Fact]
    public void Every_order_is_answered_or_expires_and_every_position_is_closed_by_the_end()
    {
        var result = Replays.Gated();

        Assert.Equal(result.OrdersPlaced, result.Fills + result.BrokerRejections + result.LostAcknowledgements);
        Assert.Equal(result.LostAcknowledgements, result.ExpiredReservations);
        Assert.True(result.BrokerRejections > 0);
        Assert.All(result.Timelines.Values, static timeline => Assert.Equal(0, timeline.Points[^1].Open));
    }
}
