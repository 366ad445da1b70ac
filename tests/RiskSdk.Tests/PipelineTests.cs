using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using RiskSdk.Configuration;
using RiskSdk.Gates;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>The hand-assembled pipeline: order, explanation, tokens, status, logs and metrics.</summary>
[Collection(RunsAlone.Name)]
public sealed class PipelineTests
{
    [Fact]
    public void The_first_rejection_wins_and_takes_no_slot()
    {
        using var rig = new TestRig();

        var decision = rig.Evaluate(TestRig.Signal(confidence: 0.5, kelly: 0.01, lots: 9));

        Assert.Equal(RejectionReason.ConfidenceTooLow, decision.Reason);
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void Explain_returns_every_verdict_in_order_without_reserving()
    {
        using var rig = new TestRig(new RiskSettings { AutoExecEnabled = false });

        var verdicts = rig.Pipeline.Explain(TestRig.Signal(confidence: 0.5, kelly: 0.01, lots: 9));

        Assert.Equal(
            new[] { "Intent", "KillSwitch", "MinConfidence", "MinKelly", "MaxLots", "NetDelta", "SessionDrawdown", "OrderRate", "Cooldown", "PositionLimit" },
            verdicts.Select(v => v.Gate));
        Assert.Equal(
            new[] { RejectionReason.TradingHalted, RejectionReason.ConfidenceTooLow, RejectionReason.KellyTooLow, RejectionReason.LotsAboveMaximum },
            verdicts.Where(v => !v.IsPassed).Select(v => v.Reason));
        Assert.Equal(0, rig.Book.GetCounts("NSE").Total);
    }

    [Fact]
    public void An_exit_is_approved_without_a_slot_even_when_halted_and_at_the_cap()
    {
        using var rig = new TestRig(new RiskSettings { MaxOpenPositions = 0 });
        rig.Open("P-1");
        rig.Context.Switch.Halt("test");

        var decision = rig.Evaluate(TestRig.Signal(confidence: 0.1, kelly: 0, reduces: "P-1"));

        Assert.True(decision.IsApproved);
        Assert.False(decision.Reservation.HoldsSlot);
    }

    [Fact]
    public void A_halt_latches_until_resumed_and_reduce_only_cannot_lift_it()
    {
        using var rig = new TestRig();
        rig.Context.Switch.Halt("drawdown review");
        rig.Context.Switch.ReduceOnly("operator");
        Assert.Equal(TradingState.Halted, rig.Context.Switch.State);

        rig.Context.Switch.Resume("review done");

        Assert.True(rig.Evaluate(TestRig.Signal()).IsApproved);
    }

    [Fact]
    public void An_approval_token_is_single_use_and_tied_to_its_reservation()
    {
        using var rig = new TestRig();
        var token = rig.Evaluate(TestRig.Signal()).ToApprovalToken();

        token.Spend();
        Assert.Throws<InvalidOperationException>(token.Spend);
        Assert.True(token.Commit("P1"));
        Assert.Equal(new ScopeCounts(1, 0), rig.Book.GetCounts("NSE"));
        Assert.Empty(typeof(ApprovalToken).GetConstructors());
    }

    [Fact]
    public void Status_shows_positions_against_both_caps_the_cooldown_and_the_switch()
    {
        using var rig = new TestRig();
        rig.EvaluateAndFill(TestRig.Signal(), "P1");
        rig.Evaluate(TestRig.Signal(exchange: "BSE"));
        Assert.Equal(1, rig.Context.GetStatus("BSE").Pending);
        rig.Advance(100);

        var nse = rig.Context.GetStatus("NSE");
        var volatileNse = rig.Context.GetStatus("NSE", MarketRegime.HighVolatility);

        Assert.Equal(new ExchangeStatus("NSE", 1, 0, 2, 3, TimeSpan.FromSeconds(200), TradingState.Active, false), nse);
        Assert.Equal((1, 1), (volatileNse.AllowedNormal, volatileNse.AllowedHighConfidence));
        Assert.Equal(0, rig.Context.GetStatus("BSE").Pending); // the unfilled order's reservation expired after 30 s
    }

    [Fact]
    public void Decisions_are_counted_by_outcome_reason_and_exchange_and_high_confidence_approvals_apart()
    {
        using var rig = new TestRig(new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero });
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = RiskSdkListener();
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        rig.EvaluateAndFill(TestRig.Signal(confidence: 0.97), "P1");
        rig.EvaluateAndFill(TestRig.Signal(), "P2");
        rig.Evaluate(TestRig.Signal(confidence: 0.2));

        var decisions = measurements.Where(m => m.Instrument == "risksdk.decisions").ToList();
        Assert.Equal(new[] { "approved", "approved", "rejected" }, decisions.Select(m => m.Tags[RiskMetrics.OutcomeAttribute]));
        Assert.Equal("ConfidenceTooLow", decisions[2].Tags[RiskMetrics.ReasonAttribute]);
        Assert.All(decisions, m => Assert.Equal("NSE", m.Tags[RiskMetrics.ExchangeAttribute]));
        Assert.All(decisions, m => Assert.Equal(RiskContext.DefaultName, m.Tags[RiskMetrics.ContextAttribute]));
        Assert.Equal(new[] { "high", "normal", "normal" }, decisions.Select(m => m.Tags[RiskMetrics.BandAttribute]));
    }

    [Fact]
    public void Position_series_read_the_book()
    {
        using var rig = new TestRig();
        rig.EvaluateAndFill(TestRig.Signal(), "P1");
        var series = new Dictionary<string, int>();
        using var listener = RiskSdkListener();
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            var context = tags.ToArray().First(t => t.Key == RiskMetrics.ContextAttribute).Value;
            if (ReferenceEquals(context, rig.Context.Name) && instrument.Name == "risksdk.positions")
            {
                series[(string)tags.ToArray().First(t => t.Key == RiskMetrics.PositionStateAttribute).Value!] = value;
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(1, series["open"]);
        Assert.Equal(0, series["pending"]);
    }

    [Fact]
    public void Rejections_faults_and_the_last_free_slot_are_logged_with_stable_event_ids()
    {
        var logger = new RecordingLogger();
        var context = new RiskContext(new RiskSettings(), logger: logger);
        var pipeline = new RiskPipeline(context, new IRiskGate[] { new MinimumConfidenceGate(context), new FaultyGate() }, new PositionLimitGate(context));

        pipeline.Evaluate(TestRig.Signal(confidence: 0.1));
        pipeline.Evaluate(TestRig.Signal(confidence: 0.99));

        Assert.Equal(new[] { 1001, 1006 }, logger.Entries.Select(e => e.EventId));
        Assert.Contains("rejected by MinConfidence: ConfidenceTooLow", logger.Entries[0].Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(logger.Entries[1].Exception);

        // At a cap of 2 the first trade is approved quietly; the second reaches the cap, which is logged once.
        var plain = new RiskPipeline(context, Array.Empty<IRiskGate>(), new PositionLimitGate(context));
        plain.Evaluate(TestRig.Signal());
        plain.Evaluate(TestRig.Signal());
        Assert.Equal(new[] { 1002, 1002, 1012 }, logger.Entries.Skip(2).Select(e => e.EventId));
    }

    [Fact]
    public void Settings_refuse_an_order_rate_the_limiter_cannot_hold()
    {
        // Regression: int.MaxValue orders per second made the limiter allocate a ring of that size, and every
        // decision failed closed with GateFault.
        var problems = new RiskSettings { MaxOrdersPerSecond = int.MaxValue }.Validate();

        var problem = Assert.Single(problems);
        Assert.Equal(("MaxOrdersPerSecond", "AUTO_EXEC_MAX_ORDERS_PER_SECOND", "2147483647", ProblemKind.OutOfRange), (problem.Setting, problem.VariableName, problem.Value, problem.Kind));
        Assert.Equal("MaxOrdersPerSecond (AUTO_EXEC_MAX_ORDERS_PER_SECOND) = 2147483647 is out of range; expected an integer from 1 to 100000.", problem.Message);
    }

    private sealed class FaultyGate : IRiskGate
    {
        public string Name => "Faulty";

        public GateVerdict Check(in TradeIntent intent) => throw new TimeoutException("model server");
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(int EventId, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((eventId.Id, formatter(state, exception), exception));
    }

    /// <summary>A listener enabled for every instrument of the <c>RiskSdk</c> meters; set its callbacks, then start it.</summary>
    private static MeterListener RiskSdkListener() => new()
    {
        InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == RiskMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        },
    };
}
