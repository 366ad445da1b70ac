using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RiskSdk.Benchmarks.Running;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// The generated nine-gate decision of <see cref="DecisionBenchmarks"/> with nobody watching (the baseline), with the
/// status page streaming (a <see cref="Monitoring.RiskMonitor.WatchAsync"/> reader serialising a snapshot on every change), and
/// with the page streaming and a listener on every instrument of the context's meter. Every decision writes the
/// operator's ring in all three.
/// </summary>
/// <remarks>
/// The rows differ only in watching. Each row's setup builds the same two contexts the same way (each with a
/// <see cref="ScopedMeterFactory"/> of its own, in the same order, each path checked the same way) and then attaches
/// that row's watch, or none; nothing else runs in the process. A full-mode row runs in
/// <see cref="FullModeProcessesAttribute">several processes</see>: one process of this 40 ns decision can run it up
/// to 40 % slower than another for its whole life, watched or not (docs/benchmarks.md, section 8), and a row measured
/// in one process would carry that lottery into the ratio.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[FullModeProcesses(5)]
public class WatchedDecisionBenchmarks : IDisposable
{
    private const string Approved = "Approved";
    private const string RejectedLowConfidence = "Rejected: confidence (2nd gate)";
    private const string RejectedAtCap = "Rejected: at cap (last gate)";

    private Watched? _free;
    private Watched? _full;
    private TradeIntent _passing;
    private TradeIntent _lowConfidence;

    /// <summary>What a row attaches to the contexts it decides on.</summary>
    private enum Watching
    {
        /// <summary>No watch: the baseline.</summary>
        Nobody,

        /// <summary>The status page's stream.</summary>
        PageStreaming,

        /// <summary>The stream and a listener on every instrument of the context's meter.</summary>
        PageStreamingMeterListened,
    }

    /// <summary>Builds the contexts with nobody watching.</summary>
    [GlobalSetup(Targets = new[] { nameof(Approved0), nameof(LowConfidence0), nameof(AtCap0) })]
    public void SetupNobodyWatching() => Setup(Watching.Nobody);

    /// <summary>Builds the contexts and streams the status page from each.</summary>
    [GlobalSetup(Targets = new[] { nameof(Approved1), nameof(LowConfidence1), nameof(AtCap1) })]
    public void SetupPageStreaming() => Setup(Watching.PageStreaming);

    /// <summary>Builds the contexts, streams the status page from each and listens to every instrument of each.</summary>
    [GlobalSetup(Targets = new[] { nameof(Approved2), nameof(LowConfidence2), nameof(AtCap2) })]
    public void SetupMeterListened() => Setup(Watching.PageStreamingMeterListened);

    /// <summary>
    /// Builds a context with room (approvals, the early refusal) and one filled to its cap (the refusal at the cap),
    /// checks each path, then attaches <paramref name="watching"/> to both.
    /// </summary>
    private void Setup(Watching watching)
    {
        _passing = DecisionSetup.Passing;
        _lowConfidence = DecisionSetup.LowConfidence;
        var freeMeters = new ScopedMeterFactory();
        var free = new DecisionRig(freeMeters);
        free.Expect(in _passing, RejectionReason.None, release: true);
        free.Expect(in _lowConfidence, RejectionReason.ConfidenceTooLow, release: false);
        var fullMeters = new ScopedMeterFactory();
        var full = new DecisionRig(fullMeters);
        full.FillToCap(in _passing);
        full.Expect(in _passing, RejectionReason.PositionLimitReached, release: false);
        _free = Watched.Start(free, freeMeters, watching);
        _full = Watched.Start(full, fullMeters, watching);
    }

    /// <summary>
    /// Stops watching; throws when a watch on a context the benchmark decided on saw nothing (the run would not have
    /// measured watching). Each benchmark decides on one of the two contexts; the other one's watch sees no decision.
    /// </summary>
    [GlobalCleanup]
    public void Dispose()
    {
        var blind = _free?.SawNothing() is true | _full?.SawNothing() is true;
        var seen = $"{_free?.Describe()}; {_full?.Describe()}";
        _free?.Dispose();
        _full?.Dispose();
        _free = _full = null;
        GC.SuppressFinalize(this);
        if (blind)
        {
            throw new InvalidOperationException("An operator's watch received no snapshot or no measurement: " + seen);
        }
    }

    /// <summary>Approved and released, nobody watching.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "nobody watching"), BenchmarkCategory(Approved)]
    public bool Approved0() => Approve();

    /// <summary>Approved and released, the page streaming.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming"), BenchmarkCategory(Approved)]
    public bool Approved1() => Approve();

    /// <summary>Approved and released, the page streaming and every instrument listened to.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming + meter listened"), BenchmarkCategory(Approved)]
    public bool Approved2() => Approve();

    /// <summary>Refused at the second gate, nobody watching.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "nobody watching"), BenchmarkCategory(RejectedLowConfidence)]
    public bool LowConfidence0() => RefuseEarly();

    /// <summary>Refused at the second gate, the page streaming.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming"), BenchmarkCategory(RejectedLowConfidence)]
    public bool LowConfidence1() => RefuseEarly();

    /// <summary>Refused at the second gate, the page streaming and every instrument listened to.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming + meter listened"), BenchmarkCategory(RejectedLowConfidence)]
    public bool LowConfidence2() => RefuseEarly();

    /// <summary>Refused at the cap, nobody watching.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "nobody watching"), BenchmarkCategory(RejectedAtCap)]
    public bool AtCap0() => RefuseAtCap();

    /// <summary>Refused at the cap, the page streaming.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming"), BenchmarkCategory(RejectedAtCap)]
    public bool AtCap1() => RefuseAtCap();

    /// <summary>Refused at the cap, the page streaming and every instrument listened to.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming + meter listened"), BenchmarkCategory(RejectedAtCap)]
    public bool AtCap2() => RefuseAtCap();

    private bool Approve()
    {
        var decision = _free!.Rig.Generated.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    private bool RefuseEarly() => _free!.Rig.Generated.Evaluate(in _lowConfidence).IsApproved;

    private bool RefuseAtCap() => _full!.Rig.Generated.Evaluate(in _passing).IsApproved;

    /// <summary>A context, its meter factory and its watch (none for nobody watching), with its decision count when watching began.</summary>
    private sealed class Watched(DecisionRig rig, ScopedMeterFactory meterFactory, OperatorWatch? watch) : IDisposable
    {
        private readonly long _decisionsAtStart = rig.Context.Monitor.DecisionCount;

        public DecisionRig Rig { get; } = rig;

        public static Watched Start(DecisionRig rig, ScopedMeterFactory meterFactory, Watching watching)
        {
            var watch = watching == Watching.Nobody ? null : new OperatorWatch(meterFactory, listen: watching == Watching.PageStreamingMeterListened);
            watch?.Start(rig.Context);
            return new Watched(rig, meterFactory, watch);
        }

        /// <summary>True when the context decided while watched and its watch saw no snapshot or, listening, no measurement.</summary>
        public bool SawNothing() =>
            watch is not null && Rig.Context.Monitor.DecisionCount > _decisionsAtStart && (watch.Snapshots == 0 || (watch.Listens && watch.Measurements == 0));

        public string Describe() => watch is null ? "not watched" : $"{watch.Snapshots} snapshots, {watch.Measurements} measurements";

        public void Dispose()
        {
            watch?.Dispose();
            Rig.Dispose();
            meterFactory.Dispose();
        }
    }
}
