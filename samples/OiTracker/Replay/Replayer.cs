using System;
using OiTracker.Gates;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>Runs a tape through the tracker, with RiskSdk's gates or with the old executor, each on a fresh broker and clock.</summary>
internal static class Replayer
{
    /// <summary>The paper broker's seed when none is given.</summary>
    public const ulong DefaultBrokerSeed = 20261125;

    /// <summary>Replays a tape through the generated gate pipeline, <see cref="TrackerPipeline"/>.</summary>
    /// <param name="tape">The tape.</param>
    /// <param name="settings">The risk settings in force.</param>
    /// <param name="brokerSeed">Decides the broker's latencies, rejections and lost acknowledgements.</param>
    /// <param name="progress">Told the share done; null for none.</param>
    /// <returns>The figures.</returns>
    public static ReplayResult WithGates(SignalTape tape, RiskSettings settings, ulong brokerSeed = DefaultBrokerSeed, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tape);
        var clock = StartClock(tape);
        using var context = new RiskContext(settings, timeProvider: clock);
        return WithGates(tape, context, clock, brokerSeed, progress);
    }

    /// <summary>Replays a tape through <see cref="TrackerPipeline"/> over a context the caller holds (serve shows it while the replay runs).</summary>
    /// <param name="tape">The tape.</param>
    /// <param name="context">The context, on <paramref name="clock"/>.</param>
    /// <param name="clock">The replay's clock, standing at the tape's start (<see cref="StartOf"/>).</param>
    /// <param name="brokerSeed">Decides the broker's latencies, rejections and lost acknowledgements.</param>
    /// <param name="progress">Told the share done; null for none.</param>
    /// <returns>The figures.</returns>
    public static ReplayResult WithGates(SignalTape tape, RiskContext context, ReplayClock clock, ulong brokerSeed = DefaultBrokerSeed, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(context);
        var executor = new GatedExecutor(context, new TrackerPipeline(context));
        return new ReplayEngine(executor, new PaperBroker(brokerSeed), clock).Run(tape, context.Settings, progress);
    }

    /// <summary>Replays a tape through the seed's old executor: time-only cooldown, no cap.</summary>
    /// <param name="tape">The tape.</param>
    /// <param name="settings">The settings (the caps are only measured against, not enforced).</param>
    /// <param name="brokerSeed">Decides the broker's latencies, rejections and lost acknowledgements.</param>
    /// <param name="progress">Told the share done; null for none.</param>
    /// <returns>The figures.</returns>
    public static ReplayResult WithoutGates(SignalTape tape, RiskSettings settings, ulong brokerSeed = DefaultBrokerSeed, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tape);
        var clock = StartClock(tape);
        var executor = new LegacyExecutor(settings, clock);
        return new ReplayEngine(executor, new PaperBroker(brokerSeed), clock).Run(tape, settings, progress);
    }

    /// <summary>Where a replay of <paramref name="tape"/> starts: its first event, or 09:15 IST on the bundled day for an empty tape.</summary>
    /// <param name="tape">The tape.</param>
    /// <returns>The first instant.</returns>
    public static DateTimeOffset StartOf(SignalTape tape) =>
        tape.Events.Count > 0 ? tape.Events[0].Time : new DateTimeOffset(2026, 11, 25, 9, 15, 0, TapeRowParser.IndiaOffset);

    private static ReplayClock StartClock(SignalTape tape) => new(StartOf(tape));
}
