using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace RiskSdk.Monitoring;

/// <summary>
/// The instruments of one <see cref="Meter"/> named <see cref="RiskMetrics.MeterName"/>, shared by every context
/// that reports through it (an <see cref="IMeterFactory"/> hands the same meter to every caller with the same name
/// and version, and the static meter is one per process). Counters are tagged with the context's name; observable
/// instruments read every live context registered with them.
/// </summary>
internal sealed class RiskInstruments
{
    private static readonly ConditionalWeakTable<Meter, RiskInstruments> ByMeter = new();
    private static readonly Lazy<Meter> StaticMeter = new(() => new Meter(RiskMetrics.MeterName, PackageVersion));
    private readonly object _registryLock = new();
    private readonly List<WeakReference<RiskMetrics>> _registry = new();

    private RiskInstruments(Meter meter)
    {
        Decisions = meter.CreateCounter<long>(
            "risksdk.decisions",
            "{decision}",
            "Pre-trade decisions, by outcome, rejection reason, entry or exit, confidence band and exchange.");
        Duration = meter.CreateHistogram<double>(
            "risksdk.decision.duration",
            "s",
            "Time a pipeline took to decide, in seconds (measured only while someone listens).");
        meter.CreateObservableUpDownCounter(
            "risksdk.positions",
            () => Observe<int>(static (metrics, into) => metrics.ObservePositions(into)),
            "{position}",
            "Open and pending positions per exchange (risksdk.position.state); during a ledger outage the last known count is kept.");
        meter.CreateObservableGauge(
            "risksdk.ledger.available",
            () => Observe<int>(static (metrics, into) => metrics.ObserveLedger(into)),
            "1",
            "1 when the position ledger answered the last collection, 0 when it did not.");
        meter.CreateObservableGauge(
            "risksdk.position.limit",
            () => Observe<int>(static (metrics, into) => metrics.ObserveLimits(into)),
            "{position}",
            "The open-position cap per exchange in force, by confidence band and market regime.");
        meter.CreateObservableUpDownCounter(
            "risksdk.trading.state",
            () => Observe<int>(static (metrics, into) => metrics.ObserveTradingState(into)),
            "1",
            "1 for the kill switch's current state (risksdk.trading.state: active, reducing_only, halted), 0 for the others.");
        meter.CreateObservableCounter(
            "risksdk.reservations.expired",
            () => Observe<long>(static (metrics, into) => metrics.ObserveExpired(into)),
            "{reservation}",
            "Reservations given back after the timeout: an approval the app lost track of.");
        meter.CreateObservableCounter(
            "risksdk.orders.placed",
            () => Observe<long>(static (metrics, into) => metrics.ObserveCommitted(into)),
            "{order}",
            "Approvals whose order was placed and filled (reservation committed).");
        meter.CreateObservableCounter(
            "risksdk.approvals.unused",
            () => Observe<long>(static (metrics, into) => metrics.ObserveReleased(into)),
            "{approval}",
            "Approvals that ended without an order (reservation released): not placed, rejected by the broker, or cancelled.");
    }

    /// <summary>The version of the RiskSdk package, without build metadata.</summary>
    public static string PackageVersion { get; } = ReadPackageVersion();

    public Counter<long> Decisions { get; }

    public Histogram<double> Duration { get; }

    /// <summary>The instruments of the factory's meter, or of the static meter when no factory is given.</summary>
    public static RiskInstruments For(IMeterFactory? factory)
    {
        var meter = factory is null
            ? StaticMeter.Value
            : factory.Create(new MeterOptions(RiskMetrics.MeterName) { Version = PackageVersion });
        return ByMeter.GetValue(meter, static m => new RiskInstruments(m));
    }

    public void Register(RiskMetrics metrics)
    {
        lock (_registryLock)
        {
            _registry.Add(new WeakReference<RiskMetrics>(metrics));
        }
    }

    public void Unregister(RiskMetrics metrics)
    {
        lock (_registryLock)
        {
            _registry.RemoveAll(reference => !reference.TryGetTarget(out var live) || ReferenceEquals(live, metrics));
        }
    }

    private static string ReadPackageVersion()
    {
        var assembly = typeof(RiskInstruments).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational is { Length: > 0 })
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }

    private List<Measurement<T>> Observe<T>(Action<RiskMetrics, List<Measurement<T>>> read)
        where T : struct
    {
        var measurements = new List<Measurement<T>>();
        foreach (var metrics in Live())
        {
            read(metrics, measurements);
        }

        return measurements;
    }

    private List<RiskMetrics> Live()
    {
        var live = new List<RiskMetrics>();
        lock (_registryLock)
        {
            _registry.RemoveAll(reference => !reference.TryGetTarget(out _));
            foreach (var reference in _registry)
            {
                if (reference.TryGetTarget(out var metrics))
                {
                    live.Add(metrics);
                }
            }
        }

        return live;
    }
}
