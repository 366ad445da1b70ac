using System;
using System.Diagnostics.Metrics;
using RiskSdk.Tests.Monitoring;

namespace RiskSdk.Tests;

/// <summary>Deciding allocates nothing, approved or rejected, once the exchange's state exists; recording it for the operator and the meter neither.</summary>
[Collection(RunsAlone.Name)]
public sealed class AllocationTests
{
    private static readonly RiskSettings Unthrottled = new()
    {
        SignalCooldown = TimeSpan.Zero,
        CooldownWithPositions = TimeSpan.Zero,
        MaxOrdersPerSecond = RiskSettings.MaxOrdersPerSecondLimit,
    };

    [Fact]
    public void An_approved_decision_and_its_release_allocate_nothing()
    {
        using var rig = new TestRig(Unthrottled);
        var intent = TestRig.Signal();

        var bytes = BytesPerDecision(() =>
        {
            var decision = rig.Evaluate(in intent);
            Assert.True(decision.IsApproved);
            decision.Reservation.Release();
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void A_rejected_decision_allocates_nothing()
    {
        using var rig = new TestRig(Unthrottled);
        var intent = TestRig.Signal(confidence: 0.3);

        var bytes = BytesPerDecision(() => Assert.False(rig.Evaluate(in intent).IsApproved));

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void A_decision_refused_at_the_cap_allocates_nothing()
    {
        using var rig = new TestRig(Unthrottled with { MaxOpenPositions = 0 });
        var intent = TestRig.Signal();

        var bytes = BytesPerDecision(() => Assert.True(rig.Evaluate(in intent).Reason == RejectionReason.PositionLimitReached)); // Assert.Equal on an enum boxes

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Decisions_recorded_while_every_instrument_is_listened_to_allocate_nothing()
    {
        using var factory = new TestMeterFactory();
        using var context = new RiskContext(Unthrottled, meterFactory: factory);
        var pipeline = RiskPipeline.CreateDefault(context);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        long decisions = 0;
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => decisions += value);
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        listener.Start();
        var approved = TestRig.Signal();
        var refused = TestRig.Signal(confidence: 0.1);

        var bytes = BytesPerDecision(() =>
        {
            pipeline.Evaluate(in approved).Reservation.Release();
            pipeline.Evaluate(in refused);
        });

        Assert.Equal(0, bytes);
        Assert.True(decisions > 0);
        Assert.True(context.Monitor.DecisionCount > 0);
    }

    /// <summary>Accepted spellings that are not canonical ASCII: each is normalised on first use, then recognised.</summary>
    public static TheoryData<string> Spellings => new() { "nse", " NSE", "NSE\t", "\uFF2E\uFF33\uFF25", "B\u00F6rse", "B\u00D6RSE" };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Any_accepted_spelling_decides_without_allocating_on_every_path(string spelling)
    {
        using var rig = new TestRig(Unthrottled);
        var entry = TestRig.Signal(spelling);
        var refused = TestRig.Signal(spelling, confidence: 0.3);
        Assert.True(rig.Evaluate(in entry).Reservation.Commit("held"));
        var exit = TestRig.Signal(spelling, reduces: "held");

        var bytes = BytesPerDecision(() =>
        {
            var approved = rig.Evaluate(in entry);
            Assert.True(approved.IsApproved);
            Assert.True(rig.Evaluate(in entry).Reason == RejectionReason.PositionLimitReached);
            approved.Reservation.Release();
            Assert.False(rig.Evaluate(in refused).IsApproved);
            Assert.True(rig.Evaluate(in exit).IsApproved);
        });

        Assert.Equal(0, bytes);
        Assert.Single(rig.Book.Scopes);
    }

    [Fact]
    public void Spellings_in_use_decide_without_allocating_after_many_others_were_seen()
    {
        using var rig = new TestRig(Unthrottled);
        for (var i = 0; i < 3_000; i++)
        {
            Assert.True(ExchangeName.TryParse(" x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
        }

        var intent = TestRig.Signal("b\u00F6rse");

        var bytes = BytesPerDecision(() => rig.Evaluate(in intent).Reservation.Release());

        Assert.Equal(0, bytes);
    }

    private static double BytesPerDecision(Action decide)
    {
        const int decisions = 10_000;
        for (var i = 0; i < 100; i++)
        {
            decide();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < decisions; i++)
        {
            decide();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)decisions;
    }
}
