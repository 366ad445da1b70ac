using System.Threading.Tasks;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>RISK002: a check whose result is never tested, followed by an order.</summary>
public sealed class IgnoredCheckTests
{
    [Theory]
    [InlineData("{|#0:limits.CanOpen(order)|}; {|#1:broker.Place(order)|};")]
    [InlineData("_ = {|#0:limits.Decide(order)|}; {|#1:broker.Place(order)|};")]
    [InlineData("var ok = {|#0:limits.CanOpen(order)|}; {|#1:broker.Place(order)|};")]
    [InlineData("await {|#0:limits.CanOpenAsync(order)|}; {|#1:broker.Place(order)|};")]
    [InlineData("_ = {|#0:limits.EnsureAsync(order)|}; {|#1:broker.Place(order)|};")]
    [InlineData("if (force) { {|#0:limits.CanOpen(order)|}; } {|#1:broker.Place(order)|};")]
    public Task Dropped_result_before_an_order_is_reported(string statements) =>
        Verify.Analyzer(Prelude.Body(statements), Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId), Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1));

    [Theory]
    [InlineData("limits.CanOpen(order);")]
    [InlineData("var ok = limits.CanOpen(order); if (ok) broker.Place(order);")]
    [InlineData("limits.CanOpen(order); if (!limits.CanOpen(order)) return; broker.Place(order);")]
    [InlineData("limits.EnsureCanOpen(order); broker.Place(order);")]
    public Task Tested_or_harmless_result_is_not_reported(string statements) => Verify.Analyzer(Prelude.Body(statements));

    [Fact]
    public Task An_untested_reservation_from_the_position_book_is_no_guard() => Verify.Analyzer(
        Prelude.Body("{|#0:pipeline.Context.Book.TryReserve(\"NSE\", 2)|}; {|#1:broker.Place(order)|};"),
        Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1));

    [Fact]
    public Task A_tested_reservation_from_the_position_book_guards() =>
        Verify.Analyzer(Prelude.Body("if (pipeline.Context.Book.TryReserve(\"NSE\", 2).IsApproved) broker.Place(order);"));

    [Fact]
    public Task Ignored_check_and_unrelated_unguarded_order_are_told_apart() => Verify.Analyzer(
        Prelude.Body("if (force) { {|#0:broker.Place(order)|}; return; } {|#1:limits.CanOpen(order)|}; {|#2:broker.Place(order)|};"),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0),
        Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId, 1),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 2));
}
