using System.Linq;
using Xunit;
using static RiskSdk.Samples.Tests.HandWrittenTape;

namespace RiskSdk.Samples.Tests;

public sealed class CooldownTests
{
    [Theory]
    [InlineData("conservative")]
    [InlineData("moderate")]
    [InlineData("aggressive")]
    public void Consecutive_entries_on_an_exchange_are_at_least_the_cooldown_in_force_apart(string profile)
    {
        var settings = Replays.Settings(("RISK_PROFILE", profile));
        var result = Replays.Gated(variables: ("RISK_PROFILE", profile));

        foreach (var exchange in result.Approvals.GroupBy(static a => a.Exchange))
        {
            var approvals = exchange.ToList();
            for (var i = 1; i < approvals.Count; i++)
            {
                var window = approvals[i].HeldBefore > 0 ? settings.CooldownWithPositions : settings.SignalCooldown;
                var gap = approvals[i].Time - approvals[i - 1].Time;
                Assert.True(gap >= window, $"{approvals[i].SignalId} came {gap.TotalSeconds} s after {approvals[i - 1].SignalId}; the cooldown was {window.TotalSeconds} s");
            }
        }
    }

    [Fact]
    public void The_longer_cooldown_applies_while_a_position_is_open_and_the_short_one_when_flat()
    {
        var tape = Read(
            Signal("09:20:00", "A"),
            Signal("09:21:00", "B"),
            Signal("09:25:01", "C"),
            Exit("09:26:00", "C"),
            Exit("09:27:00", "A"),
            Signal("09:27:40", "D"));

        var result = Replays.Gated(tape);

        Assert.Equal(["A", "C", "D"], result.Approvals.Select(static a => a.SignalId).ToArray());
        Assert.Equal(1, result.Rejections[RejectionReason.CooldownActive]);
    }

    [Fact]
    public void The_old_executor_only_looks_at_the_clock()
    {
        var tape = Read(Signal("09:20:00", "A"), Signal("09:20:31", "B"), Signal("09:21:02", "C"));

        var result = Replays.Ungated(tape);

        Assert.Equal(3, result.Approvals.Count);
        Assert.Equal(3, result.For("NSE").MaxOpen);
    }

    [Fact]
    public void Cooldowns_are_per_exchange()
    {
        var tape = Read(Signal("09:20:00", "A"), Signal("09:20:05", "B", exchange: "BSE"));

        var result = Replays.Gated(tape);

        Assert.Equal(["NSE", "BSE"], result.Approvals.Select(static a => a.Exchange).ToArray());
    }
}
