using System.Threading.Tasks;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// A check returning <c>bool?</c> (null: "could not tell") approves only on <c>true</c> (or <c>false</c> with
/// <c>ApprovedWhen = "false"</c>); it used to be RISK006 with no way to declare it. A test that null passes is no guard.
/// </summary>
public sealed class NullableBoolCheckTests
{
    private const string Rules = """

        public sealed class Rules
        {
            [RiskSdk.PositionLimitCheck] public bool? CanOpen(Order o) => true;
            [RiskSdk.PositionLimitCheck] public System.Threading.Tasks.Task<bool?> CanOpenAsync(Order o) => System.Threading.Tasks.Task.FromResult<bool?>(true);
            [RiskSdk.PositionLimitCheck(ApprovedWhen = "false")] public bool? IsBlocked(Order o) => false;
        }
        """;

    [Fact]
    public Task A_nullable_bool_check_guards_when_true_and_null_does_not_pass() => Verify.Analyzer(
        """
        using System.Threading.Tasks;
        using RiskSdk;

        public sealed class Bot(Rules rules, Broker b)
        {
            public void EqualsTrue(Order o) { if (rules.CanOpen(o) == true) b.Place(o); }
            public void NotTrueReturns(Order o) { if (rules.CanOpen(o) != true) return; b.Place(o); }
            public void IsTrue(Order o) { if (rules.CanOpen(o) is true) b.Place(o); }
            public void CoalesceFalse(Order o) { if (rules.CanOpen(o) ?? false) b.Place(o); }
            public async Task Awaited(Order o) { if (await rules.CanOpenAsync(o) == true) b.Place(o); }
            public void BlockedEqualsFalse(Order o) { if (rules.IsBlocked(o) == false) b.Place(o); }
            public void NotFalse(Order o) { if (rules.CanOpen(o) != false) {|#0:b.Place(o)|}; }
            public void CoalesceTrue(Order o) { if (rules.CanOpen(o) ?? true) {|#1:b.Place(o)|}; }
            public void DefaultTrue(Order o) { if (rules.CanOpen(o).GetValueOrDefault(true)) {|#2:b.Place(o)|}; }
            public void BlockedNotTrue(Order o) { if (rules.IsBlocked(o) != true) {|#3:b.Place(o)|}; }
            public void IsNotFalse(Order o) { if (rules.CanOpen(o) is not false) {|#4:b.Place(o)|}; }
        }
        """ + Rules,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 2),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 3),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 4));

    [Fact]
    public Task The_ignored_check_fix_tests_a_nullable_bool_with_not_equals_true() => Verify.CodeFix<IgnoredCheckCodeFixProvider>(
        """
        public sealed class Bot(Rules rules, Broker b)
        {
            public void Send(Order o)
            {
                {|#0:rules.CanOpen(o)|};
                {|#1:b.Place(o)|};
            }
        }
        """ + Rules,
        """
        public sealed class Bot(Rules rules, Broker b)
        {
            public void Send(Order o)
            {
                if (rules.CanOpen(o) != true)
                {
                    return;
                }

                b.Place(o);
            }
        }
        """ + Rules,
        IgnoredCheckCodeFixProvider.GuardKey,
        Verify.Diagnostic(RiskDiagnostics.IgnoredCheckId),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1));
}
