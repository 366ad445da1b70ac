using System;
using System.IO;
using Microsoft.Extensions.Time.Testing;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using RiskSdk.Testing;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>A generated pipeline calls timed and reserving gates through their role interfaces: explicit implementations work, struct gates are not boxed.</summary>
public sealed class ExplicitRoleTests
{
    private static readonly RiskSettings Unthrottled = PipelineSignals.Unthrottled with { MaxOpenPositions = 3, MaxOpenPositionsHighConfidence = 3 };

    private static TradeIntent Signal() => PipelineSignals.Signal(0.8);

    [Fact]
    public void Explicitly_implemented_role_interfaces_are_called_through_the_interface_and_compile()
    {
        // The same declarations this project compiles and runs below, as the generator sees them.
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "RiskSdk.Generators.Tests", "Pipeline", "ExplicitRolePipeline.cs"));

        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), source);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics());
        Snapshot.Match("Pipeline.ExplicitRoles", Assert.Single(GeneratorHarness.GeneratedSources(result)).Text);
    }

    [Fact]
    public void The_reserving_gate_admits_through_its_interface_and_a_struct_gate_keeps_its_state()
    {
        using var context = new RiskContext(Unthrottled, timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)));
        var reserving = new CountingReservingGate(context, "audited");
        var pipeline = new ExplicitRolePipeline(context, reserving);
        var intent = Signal();

        var first = pipeline.Evaluate(in intent);
        var second = pipeline.Evaluate(in intent);
        var third = pipeline.Evaluate(in intent);

        Assert.True(first.IsApproved);
        Assert.Equal(EveryOtherOrderGate.GateName, second.Gate);
        Assert.True(third.IsApproved);
        Assert.Equal(2, reserving.Admissions);
        Assert.Equal(2, context.Book.GetCounts("NSE").Pending);
    }

    [Fact]
    public void A_reserving_gate_whose_Admit_throws_refuses_the_trade_with_GateFault_instead_of_escaping_Evaluate()
    {
        using var context = new RiskContext(Unthrottled, timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)));
        var pipeline = new ThrowingReservingPipeline(context);
        var intent = Signal();

        var decision = pipeline.Evaluate(in intent);

        Assert.False(decision.IsApproved);
        Assert.Equal(RejectionReason.GateFault, decision.Reason);
        Assert.Equal(ThrowingReservingGate.GateName, decision.Gate);
    }

    [Fact]
    public void Decisions_through_explicit_role_gates_allocate_nothing()
    {
        using var context = new RiskContext(Unthrottled, timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)));
        var pipeline = new ExplicitRolePipeline(context, new CountingReservingGate(context, "audited"));
        var intent = Signal();
        Assert.Equal(0, ApprovalAllocation.Measure(pipeline, in intent, out _));
    }
}
