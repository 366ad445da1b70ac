using System.Collections.Generic;
using System.Threading.Tasks;
using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskSdk.Gates;
using RiskSdk.Hosting.Tests.Infrastructure;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Tests;

/// <summary>A logging provider that throws cannot make a decision throw: the risk rules decide, nothing leaks.</summary>
public sealed class ThrowingTelemetryTests
{
    [Fact]
    public async Task A_logging_provider_that_throws_does_not_turn_decisions_into_exceptions_and_leaks_nothing()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0",
            ["OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"] = "0",
        });
        builder.Logging.AddProvider(new ThrowingProvider());
        builder.Services.AddRiskSdk<HostSettings>()
            .AddPipeline((_, context) => new RiskPipeline(context, new IRiskGate[] { new ThrowingGate() }, new PositionLimitGate(context)))
            .Configure(options => options.ShutdownDrainTimeout = TimeSpan.FromMilliseconds(50));
        using var host = builder.Build();
        await host.StartAsync();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();

        // Each of these logged through the throwing provider and used to throw AggregateException out of Evaluate.
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).Reservation.Commit("P1"));
        var inFlight = pipeline.Evaluate(TestHosts.Signal());
        Assert.True(inFlight.IsApproved);
        Assert.Equal(RejectionReason.PositionLimitReached, pipeline.Evaluate(TestHosts.Signal()).Reason);
        var faulted = pipeline.Evaluate(TestHosts.Signal("BSE", confidence: 0.5));
        Assert.Equal(RejectionReason.GateFault, faulted.Reason);
        Assert.Equal(new ScopeCounts(1, 1), pipeline.Context.Book.GetCounts("NSE"));
        Assert.Equal(new ScopeCounts(0, 0), pipeline.Context.Book.GetCounts("BSE"));

        // Stopping still refuses entries and gives back the reservation in flight, though every RiskSdk log throws.
        await host.StopAsync();
        Assert.Equal(new ScopeCounts(1, 0), pipeline.Context.Book.GetCounts("NSE"));
        Assert.False(inFlight.Reservation.Commit("P2"));
    }

    [Fact]
    public async Task A_metrics_listener_that_throws_does_not_turn_decisions_into_exceptions_and_leaks_nothing()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>
        {
            ["OI_TRACKER_ML_SIGNAL_COOLDOWN_SECONDS"] = "0",
            ["OI_TRACKER_AUTO_EXEC_COOLDOWN_WITH_POSITIONS"] = "0",
        });
        builder.Services.AddMetrics();
        builder.Services.AddRiskSdk<HostSettings>().AddPipeline((_, context) => RiskPipeline.CreateDefault(context));
        using var host = builder.Build();
        await host.StartAsync();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => throw new InvalidOperationException("the exporter is down"));
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => throw new InvalidOperationException("the exporter is down"));
        listener.Start();
        var pipeline = host.Services.GetRequiredService<RiskPipeline>();

        // Each decision used to throw the listener's exception.
        Assert.True(pipeline.Evaluate(TestHosts.Signal()).Reservation.Commit("P1"));
        var inFlight = pipeline.Evaluate(TestHosts.Signal());
        Assert.True(inFlight.IsApproved);
        Assert.Equal(RejectionReason.PositionLimitReached, pipeline.Evaluate(TestHosts.Signal()).Reason);
        Assert.Equal(RejectionReason.ConfidenceTooLow, pipeline.Evaluate(TestHosts.Signal(confidence: 0.1)).Reason);
        Assert.Equal(new ScopeCounts(1, 1), pipeline.Context.Book.GetCounts("NSE"));
        Assert.True(inFlight.Reservation.Commit("P2"));
        await host.StopAsync();
    }

    private sealed class ThrowingGate : IRiskGate
    {
        public string Name => "Throwing";

        public GateVerdict Check(in TradeIntent intent) =>
            intent.Confidence < 0.6 ? throw new InvalidOperationException("gate broke") : GateVerdict.Pass(Name);
    }

    /// <summary>Throws for every RiskSdk category (the host's own logs are left alone, so the host itself can stop).</summary>
    private sealed class ThrowingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName.StartsWith("RiskSdk", StringComparison.Ordinal));

        public void Dispose()
        {
        }

        private sealed class Logger(bool throws) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (throws)
                {
                    throw new InvalidOperationException("the log sink is down");
                }
            }
        }
    }
}
