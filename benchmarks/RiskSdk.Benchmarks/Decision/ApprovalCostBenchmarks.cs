using System;
using BenchmarkDotNet.Attributes;
using RiskSdk.Benchmarks.Running;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>
/// Where an approval's time goes: the approving path of <see cref="DecisionBenchmarks"/> (one approval, its slot
/// released) through generated pipelines that declare more and more of the standard gates, each over the same
/// context, against the same floor. The first row is the clock reading alone, which the floor and every pipeline
/// pay once per approval; each rung's difference from the one before is what its gates add to an approval.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[FullModeProcesses(5)]
public class ApprovalCostBenchmarks : IDisposable
{
    private TradeIntent _passing;
    private DecisionRig _rig = null!;
    private PositionLimitOnlyPipeline _positionLimitOnly = null!;
    private PlainChecksPipeline _plainChecks = null!;
    private StandardGatesWithoutCooldownPipeline _withoutCooldown = null!;

    /// <summary>Builds the rig and the three smaller pipelines over its context, and checks that each approves the passing intent.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _passing = DecisionSetup.Passing;
        _rig = new DecisionRig();
        _positionLimitOnly = new PositionLimitOnlyPipeline(_rig.Context);
        _plainChecks = new PlainChecksPipeline(_rig.Context);
        _withoutCooldown = new StandardGatesWithoutCooldownPipeline(_rig.Context);
        _rig.Expect(in _passing, RejectionReason.None, release: true);
        foreach (var pipeline in new IRiskPipeline[] { _positionLimitOnly, _plainChecks, _withoutCooldown })
        {
            var decision = pipeline.Evaluate(in _passing);
            if (!decision.IsApproved || !decision.Reservation.Release())
            {
                throw new InvalidOperationException($"{pipeline.GetType().Name} did not approve the passing intent and release its slot: {decision.Message}");
            }
        }
    }

    /// <summary>Disposes the rig.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _rig?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Approved by the floor, then released.</summary>
    /// <returns>The outcome, so the work is not eliminated.</returns>
    [Benchmark(Baseline = true, Description = "Floor (straight line, Interlocked)")]
    public bool Floor()
    {
        var decision = _rig.Floor.Evaluate(in _passing);
        if (decision.IsApproved)
        {
            _rig.Floor.Release();
        }

        return decision.IsApproved;
    }

    /// <summary>One reading of the clock that the floor and the pipelines read (the context's <see cref="TimeProvider"/>).</summary>
    /// <returns>Whether the reading is positive, so the work is not eliminated.</returns>
    [Benchmark(Description = "Clock reading alone")]
    public bool ClockReading() => _rig.Context.Time.GetTimestamp() > 0;

    /// <summary>Approved by the position-limit gate alone, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated: position limit only")]
    public bool PositionLimitOnly()
    {
        var decision = _positionLimitOnly.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    /// <summary>Approved by the six plain checks and the position limit, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated: + six plain checks")]
    public bool PlainChecks()
    {
        var decision = _plainChecks.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    /// <summary>Approved by the plain checks, the order-rate gate and the position limit, then released.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated: + order rate")]
    public bool OrderRate()
    {
        var decision = _withoutCooldown.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }

    /// <summary>Approved by the nine standard gates (the cooldown added), then released: the approving row of <see cref="DecisionBenchmarks"/>.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Description = "Generated: + cooldown (the nine gates)")]
    public bool NineGates()
    {
        var decision = _rig.Generated.Evaluate(in _passing);
        decision.Reservation.Release();
        return decision.IsApproved;
    }
}
