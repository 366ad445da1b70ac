using System;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Gates;
using RiskSdk.Positions;
using RiskSdk.Tests.Shared;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>
/// The admission a generated pipeline writes out step by step keeps the admission contract: the slot, then each
/// admitting gate in declared order; a refusal or an exception at any step gives back everything taken, in reverse
/// order, the slot included; an exception refuses as GateFault naming the gate that threw. Each case also runs through
/// the hand-assembled <see cref="RiskPipeline"/> with the same gates, which admits through
/// <see cref="PositionLimitGate.Admit(in TradeIntent, ref DecisionClock, ReadOnlySpan{IAdmittingGate})"/>: both decide alike.
/// </summary>
public sealed class StagedAdmissionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 45, 0, TimeSpan.Zero);

    private static readonly RiskSettings Settings = new() { SignalCooldown = TimeSpan.FromSeconds(30), MaxOrdersPerSecond = 5 };

    public static TheoryData<string, bool> Paths => new()
    {
        { "refused by the last take", true },
        { "refused by the last take", false },
        { "the last take throws", true },
        { "the last take throws", false },
        { "the first gate's admitted notice throws", true },
        { "the first gate's admitted notice throws", false },
        { "the approval's announcement throws", true },
        { "the approval's announcement throws", false },
    };

    [Fact]
    public void The_generated_pipeline_admits_step_by_step_without_a_list_of_gates()
    {
        var fields = typeof(StagedAdmissionPipeline).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);

        Assert.True(typeof(IStagedReservingGate).IsAssignableFrom(typeof(PositionLimitGate)));
        Assert.DoesNotContain(fields, f => f.FieldType == typeof(IAdmittingGate[]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_approval_keeps_every_take_and_tells_each_gate_once(bool generated)
    {
        using var rig = new Rig(generated);

        var decision = rig.Evaluate();

        Assert.True(decision.IsApproved, decision.Message);
        Assert.Equal(PositionLimitGate.GateName, decision.Gate);
        Assert.Equal((1, 0, 1), (rig.First.Held, rig.First.Undone, rig.First.Kept));
        Assert.Equal((1, 0, 1), (rig.Last.Held, rig.Last.Undone, rig.Last.Kept));
        Assert.Equal(1, rig.Context.Book.GetCounts("NSE").Pending);
        Assert.Equal(1, rig.Context.OrderRate.CountLastSecond("NSE"));
        Assert.NotNull(rig.Context.Cooldowns.SinceLastTrade("NSE"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Whatever_step_fails_everything_taken_is_given_back(string path, bool generated)
    {
        using var rig = new Rig(generated);
        var expectedGate = path switch
        {
            "refused by the last take" => Set(() => rig.Last.RefuseTake = true, "Last"),
            "the last take throws" => Set(() => rig.Last.ThrowOnTake = true, "Last"),
            "the first gate's admitted notice throws" => Set(() => rig.First.ThrowOnAdmitted = true, "First"),
            _ => Set(() => rig.Logger.ThrowOnApproval = true, PositionLimitGate.GateName),
        };

        var decision = rig.Evaluate();

        Assert.False(decision.IsApproved);
        Assert.Equal(path.StartsWith("refused", StringComparison.Ordinal) ? RejectionReason.CustomGate : RejectionReason.GateFault, decision.Reason);
        Assert.Equal(expectedGate, decision.Gate);
        Assert.Equal(0, rig.First.Held);
        Assert.Equal(1, rig.First.Undone);
        Assert.Equal(0, rig.Last.Held);
        Assert.Equal(path.StartsWith("the first", StringComparison.Ordinal) || path.StartsWith("the approval", StringComparison.Ordinal) ? 1 : 0, rig.Last.Undone);
        Assert.Equal(0, rig.Context.Book.GetCounts("NSE").Total);
        Assert.Equal(0, rig.Context.OrderRate.CountLastSecond("NSE"));
        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("NSE"));
        var lastTook = rig.Last.Undone == 1;
        Assert.Equal(
            lastTook ? new[] { "First took", "Last took", "Last gave back", "First gave back" } : new[] { "First took", "First gave back" },
            rig.Journal);

        // Nothing of the failed admission stands in the way of the next trade.
        rig.First.ThrowOnAdmitted = rig.Last.RefuseTake = rig.Last.ThrowOnTake = rig.Logger.ThrowOnApproval = false;
        Assert.True(rig.Evaluate().IsApproved);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_give_back_that_throws_is_logged_and_the_rest_is_still_given_back(bool generated)
    {
        using var rig = new Rig(generated);
        rig.First.ThrowOnUndo = true;
        rig.Last.RefuseTake = true;

        var decision = rig.Evaluate();

        Assert.Equal(RejectionReason.CustomGate, decision.Reason);
        Assert.Equal("Last", decision.Gate);
        Assert.Contains(rig.Logger.Faults, f => f.Contains("First", StringComparison.Ordinal));
        Assert.Equal(0, rig.Context.Book.GetCounts("NSE").Total);
        Assert.Equal(0, rig.Context.OrderRate.CountLastSecond("NSE"));
        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("NSE"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_refusal_at_the_cap_takes_nothing_from_the_admitting_gates(bool generated)
    {
        using var rig = new Rig(generated, new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero, MaxOrdersPerSecond = 5 });
        Assert.True(rig.Evaluate().IsApproved);
        Assert.True(rig.Evaluate().IsApproved);

        var refused = rig.Evaluate();

        Assert.Equal(RejectionReason.PositionLimitReached, refused.Reason);
        Assert.Equal((2, 2), (rig.First.Held, rig.Last.Held));
        Assert.Equal(2, rig.Context.OrderRate.CountLastSecond("NSE"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_book_that_throws_while_reserving_refuses_as_a_fault_of_the_position_limit_and_nothing_is_taken(bool generated)
    {
        var book = new SharedStateBook { ReserveFailure = new InvalidOperationException("the ledger client broke") };
        using var rig = new Rig(generated, book: book);

        var decision = rig.Evaluate();

        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Equal(PositionLimitGate.GateName, decision.Gate);
        Assert.Contains("the ledger client broke", decision.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (rig.First.Held, rig.Last.Held));
        Assert.Equal(0, rig.Context.OrderRate.CountLastSecond("NSE"));
        Assert.Null(rig.Context.Cooldowns.SinceLastTrade("NSE"));
        Assert.Contains(rig.Logger.Faults, f => f.Contains(PositionLimitGate.GateName, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_exit_takes_no_slot_but_still_passes_every_admitting_gate(bool generated)
    {
        using var rig = new Rig(generated);
        var entry = rig.Evaluate();
        Assert.True(entry.Reservation.Commit("P1"));

        var exit = rig.Evaluate(Signal() with { ReducesPosition = "P1", Side = TradeSide.Sell });

        Assert.True(exit.IsApproved, exit.Message);
        Assert.False(exit.Reservation.HoldsSlot);
        Assert.Equal((2, 2), (rig.First.Kept, rig.Last.Kept));
        Assert.Equal(1, rig.Context.Book.GetCounts("NSE").Open);
    }

    [Fact]
    public void A_struct_staged_reserving_gate_is_called_on_the_pipelines_own_copy_without_allocating()
    {
        var settings = new RiskSettings { SignalCooldown = TimeSpan.Zero, CooldownWithPositions = TimeSpan.Zero, MaxOpenPositions = 3, MaxOpenPositionsHighConfidence = 3 };
        using var context = new RiskContext(settings, timeProvider: new FakeTimeProvider(Start));
        var pipeline = new StagedStructPipeline(context);

        var first = pipeline.Evaluate(Signal());
        var second = pipeline.Evaluate(Signal());
        var third = pipeline.Evaluate(Signal());

        Assert.True(first.IsApproved, first.Message);
        Assert.Equal((RejectionReason.CustomGate, EveryOtherReserveGate.GateName), (second.Reason, second.Gate));
        Assert.True(third.IsApproved, third.Message);
        Assert.Equal(2, context.Book.GetCounts("NSE").Pending);
        first.Reservation.Release();
        third.Reservation.Release();

        var intent = Signal();
        Assert.Equal(0, ApprovalAllocation.Measure(pipeline, in intent, out _));
    }

    private static string Set(Action set, string gate)
    {
        set();
        return gate;
    }

    private static TradeIntent Signal() => new()
    {
        Exchange = "NSE",
        Symbol = "NIFTY 26000 CE",
        Side = TradeSide.Buy,
        Confidence = 0.82,
        KellyFraction = 0.22,
        Lots = 2,
        Delta = 15,
        Regime = MarketRegime.Normal,
    };

    private sealed class Rig : IDisposable
    {
        private readonly IRiskPipeline _pipeline;

        public Rig(bool generated, RiskSettings? settings = null, IPositionBook? book = null)
        {
            First = new FirstScriptedTake(Journal);
            Last = new LastScriptedTake(Journal);
            Context = new RiskContext(settings ?? Settings, book, timeProvider: new FakeTimeProvider(Start), logger: Logger);
            _pipeline = generated
                ? new StagedAdmissionPipeline(Context, First, Last)
                : new RiskPipeline(Context, new IRiskGate[] { First, new OrderRateGate(Context), new CooldownGate(Context), Last }, new PositionLimitGate(Context));
        }

        public ApprovalThrowingLogger Logger { get; } = new();

        public System.Collections.Generic.List<string> Journal { get; } = new();

        public FirstScriptedTake First { get; }

        public LastScriptedTake Last { get; }

        public RiskContext Context { get; }

        public RiskDecision Evaluate() => Evaluate(Signal());

        public RiskDecision Evaluate(TradeIntent intent) => _pipeline.Evaluate(in intent);

        public void Dispose() => Context.Dispose();
    }
}
