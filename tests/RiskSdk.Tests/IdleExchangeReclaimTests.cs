using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>
/// <see cref="RiskContext.ReclaimIdleExchanges"/>: an idle exchange seen once gives its memory back and later decides
/// as a new one; a declared exchange keeps its state; a cooldown is never forgotten while any settings could still
/// apply it; decisions racing the sweep lose no position and exceed no cap.
/// </summary>
public sealed class IdleExchangeReclaimTests
{
    private static readonly TimeSpan Day = TimeSpan.FromSeconds(RiskSettings.MaxCooldownSeconds);

    [Fact]
    public void An_idle_undeclared_exchange_is_freed_and_comes_back_clean()
    {
        using var rig = new TestRig();
        Assert.True(rig.EvaluateAndFill(TestRig.Signal("MCX"), "P1").IsApproved);
        Assert.True(rig.Book.Close("MCX", "P1"));
        rig.Advance(2);

        Assert.Equal(new ReclaimReport(Scopes: 1, Cooldowns: 0, OrderWindows: 1), rig.Context.ReclaimIdleExchanges());
        Assert.DoesNotContain("MCX", rig.Context.Exchanges);

        rig.Clock.Advance(Day);
        Assert.Equal(new ReclaimReport(Scopes: 0, Cooldowns: 1, OrderWindows: 0), rig.Context.ReclaimIdleExchanges());
        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("MCX"));
        Assert.Equal(default, rig.Book.GetCounts("MCX"));

        Assert.True(rig.EvaluateAndFill(TestRig.Signal("mcx"), "P2").IsApproved);
        Assert.Equal(new[] { "P2" }, rig.Book.GetOpenPositions("MCX"));
        Assert.Equal(RejectionReason.CooldownActive, rig.Evaluate(TestRig.Signal("MCX")).Reason);
    }

    [Fact]
    public void A_declared_exchange_keeps_its_state_however_long_it_is_idle()
    {
        using var rig = new TestRig(new RiskSettings { Exchanges = "NSE,BSE" });
        Assert.True(rig.EvaluateAndFill(TestRig.Signal("NSE"), "P1").IsApproved);
        Assert.True(rig.Book.Close("NSE", "P1"));
        rig.Clock.Advance(Day + TimeSpan.FromSeconds(1));

        Assert.Equal(default, rig.Context.ReclaimIdleExchanges());

        Assert.Contains("NSE", rig.Book.Scopes);
        Assert.NotNull(rig.Context.Cooldowns.SinceLastTrade("NSE"));
        Assert.Equal(new[] { "NSE", "BSE" }, rig.Context.Exchanges);
    }

    [Fact]
    public void A_cooldown_freed_of_its_scope_still_holds_when_reloaded_settings_lengthen_it()
    {
        using var rig = new TestRig();
        Assert.True(rig.EvaluateAndFill(TestRig.Signal("MCX"), "P1").IsApproved);
        Assert.True(rig.Book.Close("MCX", "P1"));

        // Past both windows in force (30 s flat, 300 s with positions): the scope and the order window go, the stamp stays.
        rig.Advance(400);
        Assert.Equal(new ReclaimReport(Scopes: 1, Cooldowns: 0, OrderWindows: 1), rig.Context.ReclaimIdleExchanges());

        rig.Context.ApplySettings(new RiskSettings { SignalCooldown = TimeSpan.FromHours(1) });
        Assert.Equal(RejectionReason.CooldownActive, rig.Evaluate(TestRig.Signal("MCX")).Reason);

        rig.Advance(3200);
        Assert.True(rig.Evaluate(TestRig.Signal("MCX")).IsApproved);
    }

    [Fact]
    public void Decisions_racing_the_sweep_lose_no_position_and_exceed_no_cap()
    {
        // The clock never moves and no cooldown applies. On each exchange every third fill stays open and the others
        // close at once; a decision refused at the cap closes one of the kept positions instead. So every exchange keeps
        // going from full to idle for the whole race (not only before its first kept fill), while decisions find its
        // state: the sweep frees scopes throughout, whatever the scheduling.
        const int Cap = 2;
        var settings = new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero, MaxOpenPositions = Cap, MaxOpenPositionsHighConfidence = Cap, MaxOrdersPerSecond = RiskSettings.MaxOrdersPerSecondLimit };
        var exchanges = Enumerable.Range(0, 7).Select(i => "EX" + i).ToArray();
        var freed = 0;

        // At least 10 rounds, and more (up to 200) until the sweep has freed something while decisions ran: whether it
        // finds an exchange idle depends on how the threads interleave, which a loaded machine decides (a faster,
        // lock-free order-rate take let the traders run through whole rounds before the sweep got a core).
        for (var round = 0; round < 10 || (freed == 0 && round < 200); round++)
        {
            using var rig = new TestRig(settings);
            var kept = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // position id -> exchange
            var failures = new ConcurrentQueue<string>();
            ScopeReclaimTests.Race(
                trader: i =>
                {
                    var exchange = exchanges[i % exchanges.Length];
                    var decision = rig.Evaluate(TestRig.Signal(exchange));
                    if (!decision.IsApproved)
                    {
                        if (decision.Reason == RejectionReason.PositionLimitReached)
                        {
                            CloseOneKept(exchange);
                        }

                        return;
                    }

                    var id = $"{round}-{i}-{Environment.CurrentManagedThreadId}";
                    if (!decision.Reservation.Commit(id))
                    {
                        failures.Enqueue($"fill {id} on {exchange} was lost");
                    }
                    else if (rig.Book.GetCounts(exchange).Open > Cap)
                    {
                        failures.Enqueue($"{exchange} holds more than {Cap} open after {id}");
                    }
                    else if (i % 3 == 0)
                    {
                        kept[id] = exchange;
                    }
                    else if (!rig.Book.Close(exchange, id))
                    {
                        failures.Enqueue($"position {id} on {exchange} was not found to close");
                    }
                },
                reclaim: () => Interlocked.Add(ref freed, rig.Context.ReclaimIdleExchanges().Total));

            Assert.Empty(failures);
            foreach (var exchange in exchanges)
            {
                var expected = kept.Where(k => k.Value == exchange).Select(k => k.Key).OrderBy(id => id, StringComparer.Ordinal).ToArray();
                Assert.True(expected.Length <= Cap, $"{exchange} kept {expected.Length} positions");
                Assert.Equal(expected, rig.Book.GetOpenPositions(exchange).OrderBy(id => id, StringComparer.Ordinal));
            }

            Assert.Equal(new ScopeCounts(kept.Count, 0), rig.Book.GetTotalCounts());

            // Only the thread that takes a kept id out of the map closes it, so each kept position is closed once.
            void CloseOneKept(string exchange)
            {
                foreach (var (id, keptOn) in kept)
                {
                    if (keptOn == exchange && kept.TryRemove(id, out _))
                    {
                        if (!rig.Book.Close(exchange, id))
                        {
                            failures.Enqueue($"kept position {id} on {exchange} was not found to close");
                        }

                        return;
                    }
                }
            }
        }

        Assert.True(freed > 0, "the sweep never freed anything while the decisions ran");
    }
}
