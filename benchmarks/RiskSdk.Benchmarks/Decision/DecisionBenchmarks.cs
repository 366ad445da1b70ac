using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RiskSdk.Benchmarks.Running;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// One pre-trade decision with the seed's gates (kill switch, confidence, Kelly, lots, net delta, drawdown, order
/// rate, cooldown, position limit): the generated pipeline and the hand-assembled <see cref="RiskPipeline"/> against
/// the straight-line floor (the baseline) and the naive shape,
/// on three paths: approved (the reservation is released inside the benchmark, so the book stays empty), refused by
/// the second gate (confidence), and refused by the last gate (the exchange already holds its cap of 2 positions).
/// In full mode each row runs in <see cref="FullModeProcessesAttribute">five processes</see>: a decision of a few tens
/// of nanoseconds can run up to 40 % slower in one process than in the next (dynamic PGO), and with one process per
/// row that lottery showed up as a difference between rows (the approving row's StdDev of 17 ns in session 5).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[FullModeProcesses(5)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class DecisionBenchmarks : IDisposable
{
    private const string Approved = "Approved";
    private const string RejectedLowConfidence = "Rejected: confidence (2nd gate)";
    private const string RejectedAtCap = "Rejected: at cap (last gate)";
    private const string ApprovedSpelled = "Approved, exchange spelled \" nse\"";

    private TradeIntent _passing;
    private TradeIntent _lowConfidence;
    private TradeIntent _spelled;
    private DecisionRig _free = null!;
    private DecisionRig _full = null!;

    /// <summary>Builds one rig with an empty book and one whose book holds the cap, and checks every path decides as named.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _passing = DecisionSetup.Passing;
        _lowConfidence = DecisionSetup.LowConfidence;
        _spelled = DecisionSetup.Spelled;
        _free = new DecisionRig();
        _full = new DecisionRig();
        _full.FillToCap(in _passing);
        _free.Expect(in _passing, RejectionReason.None, release: true);
        _free.Expect(in _spelled, RejectionReason.None, release: true);
        _free.Expect(in _lowConfidence, RejectionReason.ConfidenceTooLow, release: false);
        _full.Expect(in _passing, RejectionReason.PositionLimitReached, release: false);
    }

    /// <summary>Disposes the rigs.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _free?.Dispose();
        _full?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Approved by the floor, then released.</summary>
    /// <returns>The outcome, so the work is not eliminated.</returns>
    [Benchmark(Baseline = true, Description = "Floor (straight line, Interlocked)"), BenchmarkCategory(Approved)]
    public bool FloorApproved()
    {
        var decision = _free.Floor.Evaluate(in _passing);
        if (decision.IsApproved)
        {
            _free.Floor.Release();
        }

        return decision.IsApproved;
    }

    /// <summary>Approved by the generated pipeline, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated pipeline ([GatePipeline])"), BenchmarkCategory(Approved)]
    public bool GeneratedApproved()
    {
        var decision = _free.Generated.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    /// <summary>Approved by the runtime's hand-assembled pipeline, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "RiskPipeline (hand-assembled)"), BenchmarkCategory(Approved)]
    public bool RiskPipelineApproved()
    {
        var decision = _free.Pipeline.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    /// <summary>Approved by the naive shape, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Naive (rule list, LINQ, lock)"), BenchmarkCategory(Approved)]
    public bool NaiveApproved()
    {
        var decision = _free.Naive.Evaluate(_passing);
        if (decision.Position is { } position)
        {
            _free.Naive.Release(position);
        }

        return decision.IsApproved;
    }

    /// <summary>Approved by the floor for a non-canonical spelling of the exchange, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "Floor (straight line, Interlocked)"), BenchmarkCategory(ApprovedSpelled)]
    public bool FloorApprovedSpelled()
    {
        var decision = _free.Floor.Evaluate(in _spelled);
        if (decision.IsApproved)
        {
            _free.Floor.Release();
        }

        return decision.IsApproved;
    }

    /// <summary>Approved by the generated pipeline for a non-canonical spelling of the exchange, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated pipeline ([GatePipeline])"), BenchmarkCategory(ApprovedSpelled)]
    public bool GeneratedApprovedSpelled()
    {
        var decision = _free.Generated.Evaluate(in _spelled);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    /// <summary>Refused by the floor's confidence check.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "Floor (straight line, Interlocked)"), BenchmarkCategory(RejectedLowConfidence)]
    public bool FloorLowConfidence() => _free.Floor.Evaluate(in _lowConfidence).IsApproved;

    /// <summary>Refused by the generated pipeline's confidence gate.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated pipeline ([GatePipeline])"), BenchmarkCategory(RejectedLowConfidence)]
    public bool GeneratedLowConfidence() => _free.Generated.Evaluate(in _lowConfidence).IsApproved;

    /// <summary>Refused by the runtime's confidence gate.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "RiskPipeline (hand-assembled)"), BenchmarkCategory(RejectedLowConfidence)]
    public bool RiskPipelineLowConfidence() => _free.Pipeline.Evaluate(in _lowConfidence).IsApproved;

    /// <summary>Refused by the naive confidence rule.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Naive (rule list, LINQ, lock)"), BenchmarkCategory(RejectedLowConfidence)]
    public bool NaiveLowConfidence() => _free.Naive.Evaluate(_lowConfidence).IsApproved;

    /// <summary>Refused by the floor's slot counter.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true, Description = "Floor (straight line, Interlocked)"), BenchmarkCategory(RejectedAtCap)]
    public bool FloorAtCap() => _full.Floor.Evaluate(in _passing).IsApproved;

    /// <summary>Refused by the generated pipeline's position-limit gate.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated pipeline ([GatePipeline])"), BenchmarkCategory(RejectedAtCap)]
    public bool GeneratedAtCap() => _full.Generated.Evaluate(in _passing).IsApproved;

    /// <summary>Refused by the runtime's position-limit gate.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "RiskPipeline (hand-assembled)"), BenchmarkCategory(RejectedAtCap)]
    public bool RiskPipelineAtCap() => _full.Pipeline.Evaluate(in _passing).IsApproved;

    /// <summary>Refused by the naive position count.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Naive (rule list, LINQ, lock)"), BenchmarkCategory(RejectedAtCap)]
    public bool NaiveAtCap() => _full.Naive.Evaluate(_passing).IsApproved;
}
