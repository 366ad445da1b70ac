using System.Threading.Tasks;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>RISK002 fix: the ignored check becomes a guard.</summary>
public sealed class IgnoredCheckCodeFixTests
{
    /// <summary>The order after the ignored check is reported too (RISK001 at <c>{|#1:...|}</c>): each rule stands on its own.</summary>
    private static Task Fix(string before, string after) => Verify.CodeFix<IgnoredCheckCodeFixProvider>(
        Prelude.Body(before), Prelude.Body(after), IgnoredCheckCodeFixProvider.GuardKey, Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId), Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1));

    [Fact]
    public Task Statement_becomes_guard() => Fix(
        "{|#0:limits.CanOpen(order)|};\n        {|#1:broker.Place(order)|};",
        "if (!limits.CanOpen(order))\n        {\n            return;\n        }\n\n        broker.Place(order);");

    [Fact]
    public Task Discarded_decision_becomes_guard() => Fix(
        "_ = {|#0:limits.Decide(order)|};\n        {|#1:broker.Place(order)|};",
        "if (!limits.Decide(order).IsApproved)\n        {\n            return;\n        }\n\n        broker.Place(order);");

    [Fact]
    public Task Awaited_check_becomes_guard() => Fix(
        "await {|#0:limits.CanOpenAsync(order)|};\n        {|#1:broker.Place(order)|};",
        "if (!await limits.CanOpenAsync(order))\n        {\n            return;\n        }\n\n        broker.Place(order);");

    [Fact]
    public Task Unread_local_is_tested() => Fix(
        "var ok = {|#0:limits.CanOpen(order)|};\n        {|#1:broker.Place(order)|};",
        "var ok = limits.CanOpen(order);\n        if (!ok)\n        {\n            return;\n        }\n\n        broker.Place(order);");

    [Fact]
    public Task Embedded_statement_becomes_block() => Fix(
        "if (force) return;\n        else {|#0:limits.CanOpen(order)|};\n        {|#1:broker.Place(order)|};",
        "if (force) return;\n        else\n        {\n            if (!limits.CanOpen(order))\n            {\n                return;\n            }\n        }\n\n        broker.Place(order);");

    [Fact]
    public Task Value_returning_method_throws() => Verify.CodeFix<IgnoredCheckCodeFixProvider>(
        """
        public sealed class Desk
        {
            public int Send(Broker broker, Limits limits, Order order)
            {
                {|#0:limits.CanOpen(order)|};
                {|#1:broker.Place(order)|};
                return 1;
            }
        }
        """,
        """
        public sealed class Desk
        {
            public int Send(Broker broker, Limits limits, Order order)
            {
                if (!limits.CanOpen(order))
                {
                    throw new System.InvalidOperationException("The position-limit check did not approve this order.");
                }

                broker.Place(order);
                return 1;
            }
        }
        """,
        IgnoredCheckCodeFixProvider.GuardKey,
        Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1));

    [Fact]
    public Task Fix_all_guards_every_ignored_check() => Verify.CodeFix<IgnoredCheckCodeFixProvider>(
        """
        public sealed class Desk
        {
            public void Send(Broker broker, Limits limits, Order order)
            {
                {|#0:limits.CanOpen(order)|};
                {|#2:broker.Place(order)|};
            }

            public void Resend(Broker broker, Limits limits, Order order)
            {
                _ = {|#1:limits.Decide(order)|};
                {|#3:broker.Place(order)|};
            }
        }
        """,
        """
        public sealed class Desk
        {
            public void Send(Broker broker, Limits limits, Order order)
            {
                if (!limits.CanOpen(order))
                {
                    return;
                }

                broker.Place(order);
            }

            public void Resend(Broker broker, Limits limits, Order order)
            {
                if (!limits.Decide(order).IsApproved)
                {
                    return;
                }

                broker.Place(order);
            }
        }
        """,
        IgnoredCheckCodeFixProvider.GuardKey,
        Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId, 0),
        Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId, 1),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 2),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 3));
}
