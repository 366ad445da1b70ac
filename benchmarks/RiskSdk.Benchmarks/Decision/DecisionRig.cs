using System;
using System.Globalization;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>The floor, the runtime pipeline and the naive shape, each over its own state, with the same settings, clock and reported exposure.</summary>
public sealed class DecisionRig : IDisposable
{
    /// <summary>
    /// Creates the three deciders with <see cref="DecisionSetup.Settings"/> on the <see cref="AcceleratedClock"/>; the
    /// runtime's in-memory book reads the same clock, with <see cref="DecisionSetup.ReservationTimeout"/>.
    /// </summary>
    /// <param name="meterFactory">Where the context's meter comes from; null for the static meter.</param>
    public DecisionRig(System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        var clock = AcceleratedClock.Instance;
        Context = new RiskContext(DecisionSetup.Settings, new InMemoryPositionBook(DecisionSetup.ReservationTimeout, clock), clock, meterFactory: meterFactory);
        Context.Exposure.ReportNetDelta(DecisionSetup.ReportedNetDelta);
        Context.Exposure.ReportSessionPnl(DecisionSetup.ReportedSessionPnl);
        Pipeline = RiskPipeline.CreateDefault(Context);
        Generated = new GeneratedDefaultPipeline(Context);
        Floor = new StraightLineFloor(DecisionSetup.Settings, clock.TimestampFrequency);
        Floor.ReportNetDelta(DecisionSetup.ReportedNetDelta);
        Floor.ReportSessionPnl(DecisionSetup.ReportedSessionPnl);
        Naive = new NaiveRiskManager(DecisionSetup.Settings, clock);
        Naive.ReportNetDelta(DecisionSetup.ReportedNetDelta);
        Naive.ReportSessionPnl(DecisionSetup.ReportedSessionPnl);
    }

    /// <summary>The runtime's context.</summary>
    public RiskContext Context { get; }

    /// <summary>The runtime's hand-assembled pipeline with every built-in gate.</summary>
    public RiskPipeline Pipeline { get; }

    /// <summary>The same gates as a generated pipeline, over the same context (the same book, clock and limiter).</summary>
    public GeneratedDefaultPipeline Generated { get; }

    /// <summary>The straight-line floor.</summary>
    public StraightLineFloor Floor { get; }

    /// <summary>The naive shape.</summary>
    public NaiveRiskManager Naive { get; }

    /// <summary>Approves and commits (or keeps pending, for the floor and the naive shape) trades until each decider holds its cap.</summary>
    /// <param name="intent">A trade every gate passes.</param>
    public void FillToCap(in TradeIntent intent)
    {
        var cap = PositionCap.For(DecisionSetup.Settings, intent.Confidence, intent.Regime).Allowed;
        for (var i = 0; i < cap; i++)
        {
            var decision = Pipeline.Evaluate(in intent);
            if (!decision.IsApproved || !decision.Reservation.Commit(string.Create(CultureInfo.InvariantCulture, $"P{i}")))
            {
                throw new InvalidOperationException("The runtime refused a position below the cap: " + decision.Message);
            }

            if (!Floor.Evaluate(in intent).IsApproved || !Naive.Evaluate(intent).IsApproved)
            {
                throw new InvalidOperationException("A baseline refused a position below the cap.");
            }
        }
    }

    /// <summary>Decides once with each decider and throws unless all four give <paramref name="expected"/>.</summary>
    /// <param name="intent">The trade.</param>
    /// <param name="expected">The reason expected (<see cref="RejectionReason.None"/> for an approval).</param>
    /// <param name="release">True to give an approval's slot back.</param>
    public void Expect(in TradeIntent intent, RejectionReason expected, bool release)
    {
        var runtime = Pipeline.Evaluate(in intent);
        if (release)
        {
            runtime.Reservation.Release();
        }

        var generated = Generated.Evaluate(in intent);
        var floor = Floor.Evaluate(in intent);
        var naive = Naive.Evaluate(intent);
        if (release)
        {
            generated.Reservation.Release();
            if (floor.IsApproved)
            {
                Floor.Release();
            }

            if (naive.Position is { } position)
            {
                Naive.Release(position);
            }
        }

        var expectApproval = expected == RejectionReason.None;
        if (runtime.Reason != expected || generated.Reason != expected || floor.Reason != expected || naive.IsApproved != expectApproval)
        {
            throw new InvalidOperationException(
                $"The deciders disagree with the benchmark's path {expected}: runtime {runtime.Reason} ({runtime.Message}), generated {generated.Reason} ({generated.Message}), floor {floor.Reason}, naive {naive.Reason}.");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Context.Dispose();
}
