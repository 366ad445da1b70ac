using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Gates;

namespace RiskSdk.Tests;

/// <summary>
/// Threads stamping one exchange at once, on a clock that moves with every reading: the stamps that stand are never
/// closer together than the window, judged in the clock's ticks, also while the settings change under them.
/// </summary>
public sealed class CooldownStampHammerTests
{
    private const int Threads = 4;
    private const int AttemptsPerThread = 200_000;

    [Fact]
    public async Task Concurrent_stamps_are_never_closer_than_the_window()
    {
        var clock = new TickingClock();
        var cooldowns = new CooldownClock(clock);
        var window = TimeSpan.FromMilliseconds(5); // 5 ticks of a 1,000-ticks-a-second clock
        var stamps = new ConcurrentBag<long>();

        await Hammer(() =>
        {
            var decision = new DecisionClock(clock);
            if (cooldowns.TryRecordTrade("NSE", window, ref decision, out _, out _, out var stamped))
            {
                stamps.Add(stamped);
            }
        });

        AssertSpacedBy(stamps, 5);
    }

    [Fact]
    public async Task Gate_stamps_stay_apart_by_the_shorter_window_while_the_settings_flip()
    {
        var clock = new TickingClock();
        var shorter = new RiskSettings { SignalCooldown = TimeSpan.FromMilliseconds(5), CooldownWithPositions = TimeSpan.FromMilliseconds(5) };
        var longer = shorter with { SignalCooldown = TimeSpan.FromMilliseconds(12), CooldownWithPositions = TimeSpan.FromMilliseconds(12) };
        using var context = new RiskContext(shorter, timeProvider: clock);
        var gate = new CooldownGate(context);
        var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
        var stamps = new ConcurrentBag<long>();
        var refusals = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        var flipper = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                context.ApplySettings(i % 2 == 0 ? longer : shorter);
            }
        });

        try
        {
            await Hammer(() =>
            {
                var decision = new DecisionClock(clock);
                var verdict = gate.TryTake(TestRig.Signal(), in slot, ref decision, out var receipt);
                if (verdict.IsPassed)
                {
                    stamps.Add(receipt.Value);
                }
                else
                {
                    refusals.Add(verdict.Limit);
                }
            });
        }
        finally
        {
            await stop.CancelAsync();
            await flipper;
        }

        AssertSpacedBy(stamps, 5);

        // Each refusal names the window of one settings instance or the other, never anything else.
        Assert.All(refusals, limit => Assert.True(limit is 0.005 or 0.012, $"refused against {limit} s"));
    }

    [Fact]
    public async Task Gate_stamps_stay_apart_while_idle_exchanges_are_freed()
    {
        // A state freed under a take (retired) sends it to the exchange's fresh state. The reclaim frees only a last
        // trade a window old at its reading, but a take that read the clock before the reclaim (a thread descheduled
        // between its reading and its stamp) would stamp the fresh state with that older reading, inside the window of
        // the trade the reclaim forgot: it must stamp no earlier than the reclaim. Rounds until the reclaimer has freed
        // the state at least once (on a busy machine the stampers may leave it no idle window in one round).
        var freed = 0;
        for (var round = 0; round < 10 && freed == 0; round++)
        {
            var clock = new TickingClock();
            var settings = new RiskSettings { SignalCooldown = TimeSpan.FromMilliseconds(5), CooldownWithPositions = TimeSpan.FromMilliseconds(5) };
            using var context = new RiskContext(settings, timeProvider: clock);
            var gate = new CooldownGate(context);
            var slot = new AdmissionSlot(0, new PositionCap(2, false), HoldsSlot: true);
            var stamps = new ConcurrentBag<long>();
            using var stop = new CancellationTokenSource();
            var reclaimer = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    freed += context.Cooldowns.ReclaimIdle(TimeSpan.FromMilliseconds(5));
                }
            });

            try
            {
                await Hammer(() =>
                {
                    var decision = new DecisionClock(clock);
                    if (gate.TryTake(TestRig.Signal(), in slot, ref decision, out var receipt).IsPassed)
                    {
                        Assert.True(receipt.Taken);
                        stamps.Add(receipt.Value);
                    }
                });
            }
            finally
            {
                await stop.CancelAsync();
                await reclaimer;
            }

            AssertSpacedBy(stamps, 5);
        }

        Assert.True(freed > 0, "the reclaimer never freed the exchange");
    }

    private static async Task Hammer(Action attempt)
    {
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < AttemptsPerThread; i++)
                {
                    attempt();
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);
    }

    private static void AssertSpacedBy(ConcurrentBag<long> stamps, long ticks)
    {
        var ordered = stamps.Order().ToArray();
        Assert.True(ordered.Length > 10, $"only {ordered.Length} stamps");
        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.True(ordered[i] - ordered[i - 1] >= ticks, $"stamps {ordered[i - 1]} and {ordered[i]} are {ordered[i] - ordered[i - 1]} ticks apart");
        }
    }

    /// <summary>
    /// A monotonic clock of 1,000 ticks a second that moves one tick every eight readings, from any thread: threads
    /// reading it together often get the same tick, so when a window ends several of them try to stamp at once.
    /// </summary>
    private sealed class TickingClock : TimeProvider
    {
        private long _readings = 8_000_000;

        public override long TimestampFrequency => 1_000;

        public override long GetTimestamp() => Interlocked.Increment(ref _readings) / 8;
    }
}
