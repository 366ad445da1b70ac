using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// Shapes from real trading code: orders sent inside resilience lambdas, exits through the entry method, calls that
/// do not bind yet. Each positive shape has its broken twin.
/// </summary>
public sealed class RealShapesTests
{
    private const string Exits = """

        public enum Side { Buy, Sell }

        public class Exchange
        {
            [OrderPlacement(ReducesExposure = true)] public void SquareOff(Order order) { }
            [OrderPlacement(ExitWhen = "reduceOnly")] public void Submit(Order order, bool reduceOnly = false) { }
            [OrderPlacement(ExitWhen = "side=Sell")] public void Trade(Order order, Side side) { }
        }
        """;

    public static TheoryData<string> Guarded() => new()
    {
        // Polly v8, v7 and an awaited Task.Run run the lambda now, with the guard at the call.
        "if (!limits.CanOpen(order)) return; await new Polly.ResiliencePipeline().ExecuteAsync(async ct => await broker.PlaceAsync(order), default);",
        "if (!limits.CanOpen(order)) return; new Polly.ResiliencePipeline().Execute(() => broker.Place(order));",
        "Polly.AsyncPolicy policy = null!; if (!limits.CanOpen(order)) return; await policy.ExecuteAsync(() => broker.PlaceAsync(order));",
        "if (!limits.CanOpen(order)) return; await Task.Run(() => broker.Place(order));",
        "if (!limits.CanOpen(order)) return; await Task.Run(() => broker.Place(order)).ConfigureAwait(false);",
        // Exits.
        "new Exchange().SquareOff(order);",
        "new Exchange().Submit(order, reduceOnly: true);",
        "new Exchange().Trade(order, Side.Sell);",
        "if (limits.CanOpen(order)) new Exchange().Submit(order);",
    };

    public static TheoryData<string> Unguarded() => new()
    {
        "await new Polly.ResiliencePipeline().ExecuteAsync(async ct => await {|#0:broker.PlaceAsync(order)|}, default); if (!limits.CanOpen(order)) return;",
        "if (!limits.CanOpen(order)) return; var pending = Task.Run(() => {|#0:broker.Place(order)|}); await pending;",
        "if (!limits.CanOpen(order)) return; Func<Task> later = () => {|#0:broker.PlaceAsync(order)|}; await new Polly.ResiliencePipeline().ExecuteAsync(async ct => await later(), default);",
        "{|#0:new Exchange().Submit(order)|};",
        "{|#0:new Exchange().Submit(order, force)|};",
        "{|#0:new Exchange().Trade(order, Side.Buy)|};",
    };

    [Theory]
    [MemberData(nameof(Guarded))]
    public Task Guarded_or_exit_is_accepted(string statements) => Verify.Analyzer(Prelude.Body(statements) + Exits);

    [Theory]
    [MemberData(nameof(Unguarded))]
    public Task Unguarded_entry_is_reported(string statements) =>
        Verify.Analyzer(Prelude.Body(statements) + Exits, Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task A_listed_invoke_now_method_runs_its_lambda_at_the_call() => Verify.Analyzer(
        Prelude.Body("if (!limits.CanOpen(order)) return; Retry.Twice(() => broker.Place(order)); Retry.Later(() => {|#0:broker.Place(order)|});") + """

            public static class Retry
            {
                public static void Twice(Action action) { action(); action(); }
                public static void Later(Action action) { }
            }
            """,
        [("/0/RiskSdk.InvokeNow.txt", "Retry.Twice\n")],
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Exits_listed_in_the_placements_file() => Verify.Analyzer(
        Prelude.Body("var v = new Vendor.Kite(); v.PlaceOrder(order, \"SELL\"); v.Exit(order); {|#0:v.PlaceOrder(order, \"BUY\")|};") + """

            namespace Vendor
            {
                public sealed class Kite
                {
                    public void PlaceOrder(Order order, string transactionType) { }
                    public void Exit(Order order) { }
                }
            }
            """,
        [("/0/RiskSdk.OrderPlacement.txt", "Vendor.Kite.PlaceOrder exit-when:transactionType=SELL\nVendor.Kite.Exit reduces-exposure\n")],
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Theory]
    [InlineData("{|#0:broker.Place({|CS0103:Missing|}.Create())|};")]
    [InlineData("{|#0:broker.Place(new {|CS0246:Missing|}())|};")]
    [InlineData("{|#0:broker.Place(order, {|CS0103:extra|})|};")]
    public Task A_placement_whose_argument_does_not_bind_is_still_reported(string statements) => Verify.Analyzer(
        Prelude.Body(statements),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId).WithArguments("Broker.Place", " (the call does not bind yet; it was matched by name)"));

    [Fact]
    public Task A_guarded_placement_whose_argument_does_not_bind_is_not_reported() => Verify.Analyzer(
        Prelude.Body("if (limits.CanOpen(order)) broker.Place({|CS0103:Missing|}.Create());"));

    /// <summary>A check whose argument is misspelt while typing is still read as the check: no RISK001 beside the CS0103.</summary>
    [Theory]
    [InlineData("if (!limits.CanOpen({|CS0103:ordr|})) return; broker.Place(order);")]
    [InlineData("var d = limits.Decide({|CS0103:ordr|}); if (!d.IsApproved) return; broker.Place(order);")]
    [InlineData("limits.EnsureCanOpen({|CS0103:ordr|}); broker.Place(order);")]
    [InlineData("if (!await limits.CanOpenAsync({|CS0103:ordr|})) return; broker.Place(order);")]
    [InlineData("var d = pipeline.Evaluate(in {|CS0103:intnt|}); if (!d.IsApproved) return; broker.Place(order);")]
    public Task A_check_whose_argument_does_not_bind_still_guards(string statements) => Verify.Analyzer(Prelude.Body(statements));

    [Theory]
    [InlineData("if (limits.CanOpen({|CS0103:ordr|})) return; {|#0:broker.Place(order)|};")]
    [InlineData("System.Diagnostics.Debug.Assert(limits.CanOpen({|CS0103:ordr|})); {|#0:broker.Place(order)|};")]
    [InlineData("if (!broker.Equals({|CS0103:ordr|})) return; {|#0:broker.Place(order)|};")]
    public Task A_call_that_does_not_bind_guards_only_as_the_check_it_names(string statements) =>
        Verify.Analyzer(Prelude.Body(statements), Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task The_mark_fix_is_offered_from_inside_a_lambda() => Verify.CodeFix<UnguardedOrderCodeFixProvider>(
        """
        using System;

        public sealed class Desk(Broker broker)
        {
            internal Action Sender(Order order) => () => {|#0:broker.Place(order)|};
        }
        """,
        """
        using System;

        public sealed class Desk(Broker broker)
        {
            [RiskSdk.OrderPlacement]
            internal Action Sender(Order order) => () => broker.Place(order);
        }
        """,
        UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    /// <summary>The sources, for the every-prefix robustness run.</summary>
    internal static IEnumerable<string> AllSources()
    {
        foreach (var row in Guarded())
        {
            yield return Prelude.Body(row) + Exits;
        }

        foreach (var row in Unguarded())
        {
            yield return Prelude.Body(row) + Exits;
        }
    }
}
