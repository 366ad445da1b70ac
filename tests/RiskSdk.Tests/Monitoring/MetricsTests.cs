using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Tests.Monitoring;

/// <summary>The meter through <see cref="System.Diagnostics.Metrics.IMeterFactory"/>: contexts apart, exits apart from entries, series kept through an outage.</summary>
public sealed class MetricsTests
{
    private static readonly RiskSettings Quick = new() { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero };

    [Fact]
    public void The_meter_comes_from_the_factory_with_the_package_version()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick, name: "desk-a", meterFactory: factory);
        using var decisions = new MetricCollector<long>(factory, RiskMetrics.MeterName, "risksdk.decisions");

        RiskPipeline.CreateDefault(context).Evaluate(TestRig.Signal(confidence: 0.1));

        var measurement = Assert.Single(decisions.GetMeasurementSnapshot());
        Assert.Same(factory, decisions.Instrument!.Meter.Scope);
        Assert.False(string.IsNullOrEmpty(decisions.Instrument.Meter.Version));
        Assert.Equal("desk-a", measurement.Tags[RiskMetrics.ContextAttribute]);
    }

    [Fact]
    public void Two_contexts_on_one_meter_stay_apart()
    {
        using var factory = new TestMeterFactory();
        using var a = new RiskContext(Quick, name: "account-a", meterFactory: factory);
        using var b = new RiskContext(Quick, name: "account-b", meterFactory: factory);
        using var decisions = new MetricCollector<long>(factory, RiskMetrics.MeterName, "risksdk.decisions");
        using var positions = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.positions");

        RiskPipeline.CreateDefault(a).Evaluate(TestRig.Signal()).Reservation.Commit("A-1");
        var pipelineB = RiskPipeline.CreateDefault(b);
        pipelineB.Evaluate(TestRig.Signal(confidence: 0.1));
        pipelineB.Evaluate(TestRig.Signal(confidence: 0.2));
        positions.RecordObservableInstruments();

        var byContext = decisions.GetMeasurementSnapshot().GroupBy(m => m.Tags[RiskMetrics.ContextAttribute]).ToDictionary(g => (string)g.Key!, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["account-a"] = 1, ["account-b"] = 2 }, byContext);
        var open = positions.GetMeasurementSnapshot().Where(m => m.Tags[RiskMetrics.PositionStateAttribute] as string == "open").ToList();
        Assert.Equal(1, Assert.Single(open, m => m.Tags[RiskMetrics.ContextAttribute] as string == "account-a").Value);
        Assert.DoesNotContain(open, m => m.Tags[RiskMetrics.ContextAttribute] as string == "account-b");
    }

    [Fact]
    public void Exits_are_not_counted_as_entries()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick, meterFactory: factory);
        using var decisions = new MetricCollector<long>(factory, RiskMetrics.MeterName, "risksdk.decisions");
        var pipeline = RiskPipeline.CreateDefault(context);

        pipeline.Evaluate(TestRig.Signal(confidence: 0.97)).Reservation.Commit("P-1");
        pipeline.Evaluate(TestRig.Signal(reduces: "P-1"));
        pipeline.Evaluate(TestRig.Signal(reduces: "P-1"));

        var approved = decisions.GetMeasurementSnapshot().Where(m => m.Tags[RiskMetrics.OutcomeAttribute] as string == "approved").ToList();
        Assert.Equal(1, approved.Count(m => m.Tags[RiskMetrics.EffectAttribute] as string == "entry"));
        Assert.Equal(2, approved.Count(m => m.Tags[RiskMetrics.EffectAttribute] as string == "exit"));
        Assert.Equal("high", approved.Single(m => m.Tags[RiskMetrics.EffectAttribute] as string == "entry").Tags[RiskMetrics.BandAttribute]);
    }

    [Fact]
    public void Position_series_keep_their_last_value_through_a_ledger_outage_and_availability_says_so()
    {
        using var factory = new TestMeterFactory();
        var book = new SwitchableBook(new InMemoryPositionBook());
        using var context = new RiskContext(Quick, book, meterFactory: factory);
        using var positions = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.positions");
        using var ledger = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.ledger.available");
        RiskPipeline.CreateDefault(context).Evaluate(TestRig.Signal()).Reservation.Commit("P-1");

        positions.RecordObservableInstruments();
        ledger.RecordObservableInstruments();
        book.Down = true;
        positions.RecordObservableInstruments();
        ledger.RecordObservableInstruments();

        var open = positions.GetMeasurementSnapshot().Where(m => m.Tags[RiskMetrics.PositionStateAttribute] as string == "open").Select(m => m.Value);
        Assert.Equal(new[] { 1, 1 }, open);
        Assert.Equal(new[] { 1, 0 }, ledger.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public void Declared_exchanges_have_position_series_from_the_start()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick with { Exchanges = "NSE,BSE" }, meterFactory: factory);
        using var positions = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.positions");

        positions.RecordObservableInstruments();

        var open = positions.GetMeasurementSnapshot().Where(m => m.Tags[RiskMetrics.PositionStateAttribute] as string == "open");
        Assert.Equal(new[] { "NSE", "BSE" }, open.Select(m => m.Tags[RiskMetrics.ExchangeAttribute] as string));
        Assert.All(open, m => Assert.Equal(0, m.Value));
    }

    [Fact]
    public void Limits_are_reported_per_band_and_regime()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick, meterFactory: factory);
        using var limits = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.position.limit");

        limits.RecordObservableInstruments();

        var byKey = limits.GetMeasurementSnapshot().ToDictionary(m => $"{m.Tags[RiskMetrics.BandAttribute]}/{m.Tags[RiskMetrics.RegimeAttribute]}", m => m.Value);
        Assert.Equal(new Dictionary<string, int> { ["normal/normal"] = 2, ["high/normal"] = 3, ["normal/high_volatility"] = 1, ["high/high_volatility"] = 1 }, byKey);
    }

    [Fact]
    public void A_rejection_is_counted_with_its_reason_effect_band_and_exchange_an_undeclared_name_under_one_tag()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick with { Exchanges = "NSE" }, meterFactory: factory);
        using var decisions = new MetricCollector<long>(factory, RiskMetrics.MeterName, "risksdk.decisions");
        var pipeline = RiskPipeline.CreateDefault(context);

        pipeline.Evaluate(TestRig.Signal(confidence: 0.1));
        pipeline.Evaluate(TestRig.Signal(exchange: "MADE-UP-1"));
        pipeline.Evaluate(TestRig.Signal(exchange: "made-up-2", confidence: 0.99));

        var rejected = decisions.GetMeasurementSnapshot();
        Assert.Equal(3, rejected.Count);
        Assert.All(rejected, m => Assert.Equal("rejected", m.Tags[RiskMetrics.OutcomeAttribute]));
        Assert.All(rejected, m => Assert.Equal("entry", m.Tags[RiskMetrics.EffectAttribute]));
        Assert.Equal(new[] { "NSE", "(undeclared)", "(undeclared)" }, rejected.Select(m => m.Tags[RiskMetrics.ExchangeAttribute] as string));
        Assert.Equal(
            new[] { nameof(RejectionReason.ConfidenceTooLow), nameof(RejectionReason.UnknownExchange), nameof(RejectionReason.UnknownExchange) },
            rejected.Select(m => m.Tags[RiskMetrics.ReasonAttribute] as string));
        Assert.Equal(new[] { "normal", "normal", "high" }, rejected.Select(m => m.Tags[RiskMetrics.BandAttribute] as string));
    }

    [Fact]
    public void Nothing_is_counted_while_nobody_listens_and_counting_starts_when_someone_does()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick, meterFactory: factory);
        var pipeline = RiskPipeline.CreateDefault(context);
        pipeline.Evaluate(TestRig.Signal(confidence: 0.1));
        pipeline.Evaluate(TestRig.Signal()).Reservation.Release();

        using var decisions = new MetricCollector<long>(factory, RiskMetrics.MeterName, "risksdk.decisions");
        Assert.Empty(decisions.GetMeasurementSnapshot());
        pipeline.Evaluate(TestRig.Signal(confidence: 0.1));
        pipeline.Evaluate(TestRig.Signal()).Reservation.Release();

        Assert.Equal(new[] { "rejected", "approved" }, decisions.GetMeasurementSnapshot().Select(m => m.Tags[RiskMetrics.OutcomeAttribute] as string));
    }

    [Fact]
    public void Orders_placed_are_set_against_approvals_not_used()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick, meterFactory: factory);
        using var placed = new MetricCollector<long>(factory, RiskMetrics.MeterName, "risksdk.orders.placed");
        using var unused = new MetricCollector<long>(factory, RiskMetrics.MeterName, "risksdk.approvals.unused");
        var pipeline = RiskPipeline.CreateDefault(context);

        pipeline.Evaluate(TestRig.Signal()).Reservation.Commit("P-1");
        pipeline.Evaluate(TestRig.Signal()).Reservation.Release();
        placed.RecordObservableInstruments();
        unused.RecordObservableInstruments();

        Assert.Equal(1, placed.LastMeasurement!.Value);
        Assert.Equal(1, unused.LastMeasurement!.Value);
    }

    [Fact]
    public void The_trading_state_is_one_series_per_state()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick, meterFactory: factory);
        using var state = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.trading.state");
        context.Switch.Halt("test");

        state.RecordObservableInstruments();

        var byState = state.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[RiskMetrics.TradingStateAttribute]!, m => m.Value);
        Assert.Equal(new Dictionary<string, int> { ["active"] = 0, ["reducing_only"] = 0, ["halted"] = 1 }, byState);
    }

    [Fact]
    public void Decision_duration_is_measured_in_seconds_while_someone_listens()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Quick, meterFactory: factory, timeProvider: new FakeTimeProvider());
        var pipeline = RiskPipeline.CreateDefault(context);
        Assert.False(context.Metrics.MeasuresDuration);
        using var duration = new MetricCollector<double>(factory, RiskMetrics.MeterName, "risksdk.decision.duration");

        pipeline.Evaluate(TestRig.Signal(confidence: 0.1));

        var measurement = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.InRange(measurement.Value, 0, 1);
        Assert.Equal("rejected", measurement.Tags[RiskMetrics.OutcomeAttribute]);
    }

    [Fact]
    public void A_disposed_context_stops_reporting()
    {
        using var factory = new TestMeterFactory();
        var context = new RiskContext(Quick, name: "gone", meterFactory: factory);
        using var limits = new MetricCollector<int>(factory, RiskMetrics.MeterName, "risksdk.position.limit");
        context.Dispose();

        limits.RecordObservableInstruments();

        Assert.Empty(limits.GetMeasurementSnapshot());
    }

    /// <summary>An in-memory book that can be made to stop answering, as a remote ledger does in an outage.</summary>
    private sealed class SwitchableBook(InMemoryPositionBook inner) : IPositionBook
    {
        public bool Down { get; set; }

        public BookNameCollection Scopes => Down ? BookNameCollection.NotRead : inner.Scopes;

        public long ExpiredReservations => inner.ExpiredReservations;

        public long IgnoredOperations => inner.IgnoredOperations;

        public ReserveOutcome TryReserve(string scope, int cap, int totalCap) => Down ? new(ReserveStatus.Unavailable, default, 0, 0) : inner.TryReserve(scope, cap, totalCap);

        public PositionPresence FindPosition(string scope, string positionId) => Down ? PositionPresence.Unavailable : inner.FindPosition(scope, positionId);

        public bool Commit(in Reservation reservation, string positionId) => inner.Commit(reservation, positionId);

        public bool Release(in Reservation reservation) => inner.Release(reservation);

        public bool Close(string scope, string positionId) => inner.Close(scope, positionId);

        public ReconcileMark MarkForReconcile(string scope) => inner.MarkForReconcile(scope);

        public ReconcileReport Reconcile(in ReconcileMark mark, IEnumerable<string> brokerOpenPositionIds) => inner.Reconcile(mark, brokerOpenPositionIds);

        public ScopeCounts GetCounts(string scope) => Down ? new ScopeCounts(0, 0) { Unavailable = true } : inner.GetCounts(scope);

        public ScopeCounts GetTotalCounts() => Down ? new ScopeCounts(0, 0) { Unavailable = true } : inner.GetTotalCounts();

        public BookNameCollection GetOpenPositions(string scope) => Down ? BookNameCollection.NotRead : inner.GetOpenPositions(scope);
    }
}
