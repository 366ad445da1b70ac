using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// The generated nine-gate decision of <see cref="DecisionBenchmarks"/> with nobody watching (the baseline), with the
/// status page streaming (a <see cref="Monitoring.RiskMonitor.WatchAsync"/> reader serialising a snapshot on every change), and
/// with the page streaming and a listener on every instrument of the context's meter. Every decision writes the
/// operator's ring in all three.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WatchedDecisionBenchmarks : IDisposable
{
    private const string Approved = "Approved";
    private const string RejectedLowConfidence = "Rejected: confidence (2nd gate)";
    private const string RejectedAtCap = "Rejected: at cap (last gate)";

    private readonly Watched[] _rigs = new Watched[6];
    private TradeIntent _passing;
    private TradeIntent _lowConfidence;

    /// <summary>Builds the rigs (free and full, each unwatched, streamed, streamed and listened), checks each path, starts the watches.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _passing = DecisionSetup.Passing;
        _lowConfidence = DecisionSetup.LowConfidence;
        for (var i = 0; i < _rigs.Length; i++)
        {
            var watch = (i % 3) switch { 0 => null, 1 => new OperatorWatch(listen: false), _ => new OperatorWatch(listen: true) };
            var rig = new DecisionRig(watch?.MeterFactory);
            if (i >= 3)
            {
                rig.FillToCap(in _passing);
                rig.Expect(in _passing, RejectionReason.PositionLimitReached, release: false);
            }
            else
            {
                rig.Expect(in _passing, RejectionReason.None, release: true);
                rig.Expect(in _lowConfidence, RejectionReason.ConfidenceTooLow, release: false);
            }

            watch?.Start(rig.Context);
            _rigs[i] = new Watched(rig, watch, rig.Context.Monitor.DecisionCount);
        }
    }

    /// <summary>
    /// Stops watching; throws when a watch on a rig the benchmark decided on saw nothing (the run would not have
    /// measured watching). Each benchmark decides on one rig; the watches on the others see no decision.
    /// </summary>
    [GlobalCleanup]
    public void Dispose()
    {
        var blind = false;
        foreach (var (rig, watch, decisionsAtStart) in _rigs)
        {
            var decided = rig is not null && rig.Context.Monitor.DecisionCount > decisionsAtStart;
            blind |= watch is not null && decided && (watch.Snapshots == 0 || (watch.Listens && watch.Measurements == 0));
            watch?.Dispose();
            rig?.Dispose();
        }

        GC.SuppressFinalize(this);
        if (blind)
        {
            throw new InvalidOperationException("An operator's watch received no snapshot or no measurement: " + string.Join(", ", Array.ConvertAll(_rigs, r => r.Watch is null ? "-" : $"{r.Watch.Snapshots} snapshots, {r.Watch.Measurements} measurements")));
        }
    }

    /// <summary>Approved and released, nobody watching.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "nobody watching"), BenchmarkCategory(Approved)]
    public bool Approved0() => Approve(_rigs[0].Rig);

    /// <summary>Approved and released, the page streaming.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming"), BenchmarkCategory(Approved)]
    public bool Approved1() => Approve(_rigs[1].Rig);

    /// <summary>Approved and released, the page streaming and every instrument listened to.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming + meter listened"), BenchmarkCategory(Approved)]
    public bool Approved2() => Approve(_rigs[2].Rig);

    /// <summary>Refused at the second gate, nobody watching.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "nobody watching"), BenchmarkCategory(RejectedLowConfidence)]
    public bool LowConfidence0() => _rigs[0].Rig.Generated.Evaluate(in _lowConfidence).IsApproved;

    /// <summary>Refused at the second gate, the page streaming.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming"), BenchmarkCategory(RejectedLowConfidence)]
    public bool LowConfidence1() => _rigs[1].Rig.Generated.Evaluate(in _lowConfidence).IsApproved;

    /// <summary>Refused at the second gate, the page streaming and every instrument listened to.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming + meter listened"), BenchmarkCategory(RejectedLowConfidence)]
    public bool LowConfidence2() => _rigs[2].Rig.Generated.Evaluate(in _lowConfidence).IsApproved;

    /// <summary>Refused at the cap, nobody watching.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "nobody watching"), BenchmarkCategory(RejectedAtCap)]
    public bool AtCap0() => _rigs[3].Rig.Generated.Evaluate(in _passing).IsApproved;

    /// <summary>Refused at the cap, the page streaming.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming"), BenchmarkCategory(RejectedAtCap)]
    public bool AtCap1() => _rigs[4].Rig.Generated.Evaluate(in _passing).IsApproved;

    /// <summary>Refused at the cap, the page streaming and every instrument listened to.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "page streaming + meter listened"), BenchmarkCategory(RejectedAtCap)]
    public bool AtCap2() => _rigs[5].Rig.Generated.Evaluate(in _passing).IsApproved;

    private bool Approve(DecisionRig rig)
    {
        var decision = rig.Generated.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    private readonly record struct Watched(DecisionRig Rig, OperatorWatch? Watch, long DecisionsAtStart);
}
