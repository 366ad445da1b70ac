using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// RISK007 (info): an approval reserves one slot, so an order placed on every pass of a loop whose only guard was
/// taken before the loop may spend one approval on several orders (also through a lambda a call runs at once, such as
/// Polly's <c>Execute</c>). A check inside the loop (body or condition), a
/// placement the loop leaves right after, an exit, or an unguarded placement (RISK001's business) is not reported.
/// </summary>
public sealed class LoopApprovalTests
{
    private const string Exits = """

        public class Exchange { [OrderPlacement(ReducesExposure = true)] public void SquareOff(Order order) { } }
        """;

    private static DiagnosticResult OneApproval(string method = "Broker.Place") =>
        new DiagnosticResult(RiskDiagnostics.OneApprovalManyOrdersId, DiagnosticSeverity.Info).WithLocation(0).WithArguments(method);

    public static TheoryData<string, string> Reported() => new()
    {
        { "foreach after an early return", "if (!limits.CanOpen(order)) return; foreach (var o in orders) {|#0:broker.Place(o)|};" },
        { "for inside the approved branch", "if (limits.CanOpen(order)) { for (var i = 0; i < 3; i++) { {|#0:broker.Place(order)|}; } }" },
        { "while", "if (!limits.CanOpen(order)) return; var n = 0; while (n++ < 3) {|#0:broker.Place(order)|};" },
        { "do while", "if (!limits.CanOpen(order)) return; do { {|#0:broker.Place(order)|}; } while (force);" },
        { "inner loop under a check in the outer one", "foreach (var a in orders) { if (!limits.CanOpen(a)) continue; foreach (var b in orders) {|#0:broker.Place(b)|}; }" },
        { "the pipeline's decision before the loop", "if (!pipeline.Evaluate(in intent).IsApproved) return; foreach (var o in orders) {|#0:broker.Place(o)|};" },
        { "Polly's Execute in the loop", "if (!limits.CanOpen(order)) return; foreach (var o in orders) new Polly.ResiliencePipeline().Execute(() => {|#0:broker.Place(o)|});" },
        { "an awaited Task.Run in the loop", "if (!limits.CanOpen(order)) return; for (var i = 0; i < 3; i++) await Task.Run(() => {|#0:broker.Place(order)|});" },
        { "a loop inside Polly's lambda", "if (!limits.CanOpen(order)) return; new Polly.ResiliencePipeline().Execute(() => { foreach (var o in orders) {|#0:broker.Place(o)|}; });" },
    };

    [Fact]
    public Task An_order_in_an_invoke_now_async_lambda_in_a_loop_is_reported() => Verify.Analyzer(
        Prelude.Body("if (!limits.CanOpen(order)) return; foreach (var o in orders) await new Polly.ResiliencePipeline().ExecuteAsync(async ct => await {|#0:broker.PlaceAsync(o)|}, default);"),
        OneApproval("Broker.PlaceAsync"));

    [Theory]
    [MemberData(nameof(Reported))]
    public Task One_approval_before_a_loop_of_orders_is_reported(string shape, string statements)
    {
        _ = shape;
        return Verify.Analyzer(Prelude.Body(statements), OneApproval());
    }

    [Fact]
    public Task An_awaited_placement_in_a_loop_is_reported() => Verify.Analyzer(
        Prelude.Body("if (!await limits.CanOpenAsync(order)) return; foreach (var o in orders) await {|#0:broker.PlaceAsync(o)|};"),
        OneApproval("Broker.PlaceAsync"));

    public static TheoryData<string, string> NotReported() => new()
    {
        { "check in the loop body", "foreach (var o in orders) { if (!limits.CanOpen(o)) continue; broker.Place(o); }" },
        { "check in the loop condition", "while (limits.CanOpen(order)) { broker.Place(order); }" },
        { "check before and again in the loop", "if (!limits.CanOpen(order)) return; foreach (var o in orders) { if (limits.CanOpen(o)) broker.Place(o); }" },
        { "break right after", "if (!limits.CanOpen(order)) return; foreach (var o in orders) { broker.Place(o); break; }" },
        { "return right after", "if (!limits.CanOpen(order)) return; foreach (var o in orders) { broker.Place(o); return; }" },
        { "loop that does not place", "foreach (var o in orders) { } if (limits.CanOpen(order)) broker.Place(order);" },
        { "exit in a loop", "foreach (var o in orders) new Exchange().SquareOff(o);" },
        { "Polly's Execute in the loop, left right after", "if (!limits.CanOpen(order)) return; foreach (var o in orders) { new Polly.ResiliencePipeline().Execute(() => broker.Place(o)); break; }" },
        { "Polly's Execute in the loop, checked inside the lambda", "if (!limits.CanOpen(order)) return; foreach (var o in orders) new Polly.ResiliencePipeline().Execute(() => { if (limits.CanOpen(o)) broker.Place(o); });" },
        { "lambda in a loop checks on its own", "if (!limits.CanOpen(order)) return; foreach (var o in orders) orders.ForEach(x => { if (limits.CanOpen(x)) broker.Place(x); });" },
    };

    [Theory]
    [MemberData(nameof(NotReported))]
    public Task A_check_per_order_or_a_single_order_is_not_reported(string shape, string statements)
    {
        _ = shape;
        return Verify.Analyzer(Prelude.Body(statements) + Exits);
    }

    /// <summary>Every loop shape above, for the every-prefix robustness run.</summary>
    internal static IEnumerable<string> AllSources()
    {
        foreach (var row in Reported())
        {
            yield return Prelude.Body((string)row[1]);
        }

        foreach (var row in NotReported())
        {
            yield return Prelude.Body((string)row[1]) + Exits;
        }
    }

    [Fact]
    public Task An_unguarded_placement_in_a_loop_is_RISK001_only() => Verify.Analyzer(
        Prelude.Body("foreach (var o in orders) {|#0:broker.Place(o)|};"),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId).WithArguments("Broker.Place", string.Empty));

    [Fact]
    public Task RISK007_can_be_turned_off_without_touching_RISK001() => Verify.Analyzer(
        Prelude.Body("if (limits.CanOpen(order)) { foreach (var o in orders) broker.Place(o); } {|#0:broker.Place(order)|};"),
        [],
        "root = true\n\n[*.cs]\ndotnet_diagnostic.RISK007.severity = none\n",
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId).WithArguments("Broker.Place", string.Empty));
}
