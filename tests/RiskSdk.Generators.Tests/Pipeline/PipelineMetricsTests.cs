using System;
using System.Linq;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Monitoring;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>A generated pipeline records <c>risksdk.decision.duration</c> as <see cref="RiskPipeline"/> does, only while someone listens.</summary>
public sealed class PipelineMetricsTests
{
    [Fact]
    public void Decision_duration_is_recorded_in_seconds_with_the_outcome_while_someone_listens()
    {
        // The context's own static meter: its unique name keeps other tests' decisions out of the measurements read.
        var name = "generated-" + Guid.NewGuid().ToString("N");
        using var context = new RiskContext(PipelineSignals.Unthrottled, timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)), name: name);
        var pipeline = new DefaultOrderPipeline(context);
        using var duration = new MetricCollector<double>(null, RiskMetrics.MeterName, "risksdk.decision.duration");
        Assert.True(context.Metrics.MeasuresDuration);

        pipeline.Evaluate(PipelineSignals.Signal(0.8)).Reservation.Release();
        pipeline.Evaluate(PipelineSignals.Signal(0.1));
        pipeline.Evaluate(PipelineSignals.Signal(0.8) with { Exchange = "N\u200BSE" });

        var measurements = duration.GetMeasurementSnapshot().Where(m => m.Tags[RiskMetrics.ContextAttribute] as string == name).ToList();
        Assert.Equal(new[] { "approved", "rejected", "rejected" }, measurements.Select(m => m.Tags[RiskMetrics.OutcomeAttribute] as string));
        Assert.All(measurements, m => Assert.InRange(m.Value, 0, 1));
    }
}
