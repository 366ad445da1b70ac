using System.Threading.Tasks;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// A property pattern that fails (<c>is { IsApproved: false }</c>) proves approval only for a result that cannot be
/// null, a value type (<c>RiskDecision</c>, a tuple): a class result may be null, and then the pattern fails too. A type
/// test or a nested member (<c>{ Inner.IsApproved: true }</c>) is not the check's own approval.
/// </summary>
public sealed class PatternGuardTests
{
    private const string Permit = """

        public sealed class Permit { public bool IsApproved { get; init; } public Permit? Inner { get; init; } }

        public sealed class Desk
        {
            [PositionLimitCheck] public Permit? MaybeCheck(Order o) => null;
            [PositionLimitCheck] public Permit Check(Order o) => new();
        }
        """;

    [Fact]
    public Task A_failed_property_pattern_guards_only_a_value_type_result() => Verify.Analyzer(
        """
        #nullable enable
        using RiskSdk;

        public sealed class Bot(Broker b, Desk desk)
        {
            public void NotNullClass(Order o) { var p = desk.Check(o); if (p is { IsApproved: false }) return; {|#0:b.Place(o)|}; }
            public void MaybeNull(Order o) { var p = desk.MaybeCheck(o); if (p is { IsApproved: false }) return; {|#1:b.Place(o)|}; }
            public void NestedMember(Order o) { var p = desk.Check(o); if (p is { Inner.IsApproved: true }) {|#2:b.Place(o)|}; }
            public void TypeTest(Order o) { object p = desk.Check(o); if (p is Permit { IsApproved: false }) return; {|#3:b.Place(o)|}; }
            public void ApprovedClass(Order o) { if (desk.Check(o) is { IsApproved: true }) b.Place(o); }
            public void NotApprovedClass(Order o) { if (!desk.Check(o).IsApproved) return; b.Place(o); }
        }
        """ + Permit,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 2),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 3));

    [Fact]
    public Task A_tuple_checks_positional_pattern_tests_its_elements_by_position() => Verify.Analyzer(
        """
        using RiskSdk;

        public sealed class Rules
        {
            [PositionLimitCheck(ApprovedWhen = "Ok")] public (bool Ok, string Why) Check(Order o) => default;
            [PositionLimitCheck(ApprovedWhen = "!Blocked")] public (string Why, bool Blocked) IsBlocked(Order o) => default;
        }

        public sealed class Bot(Broker b, Rules rules)
        {
            public void FalseReturns(Order o) { if (rules.Check(o) is (false, _)) return; b.Place(o); }
            public void TrueMatches(Order o) { if (rules.Check(o) is (true, var why)) b.Place(o); }
            public void BlockedReturns(Order o) { if (rules.IsBlocked(o) is (_, true)) return; b.Place(o); }
            public void TrueReturns(Order o) { if (rules.Check(o) is (true, _)) return; {|#0:b.Place(o)|}; }
            public void OtherElement(Order o) { if (rules.Check(o) is (_, "x")) {|#1:b.Place(o)|}; }
            public void NotBlockedReturns(Order o) { if (rules.IsBlocked(o) is (_, false)) return; {|#2:b.Place(o)|}; }
        }
        """,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 2));

    [Fact]
    public Task A_relational_pattern_on_a_count_of_free_slots_guards() => Verify.Analyzer(
        """
        using RiskSdk;

        public sealed class Slots { [PositionLimitCheck(ApprovedWhen = "> 0")] public int Free(Order o) => 1; }

        public sealed class Bot(Broker b, Slots slots)
        {
            public void Positive(Order o) { if (slots.Free(o) is > 0) b.Place(o); }
            public void NoneReturns(Order o) { if (slots.Free(o) is <= 0) return; b.Place(o); }
            public void AtLeastOne(Order o) { var n = slots.Free(o); if (n is >= 1 and < 100) b.Place(o); }
            public void NotZero(Order o) { if (slots.Free(o) is 0) return; {|#0:b.Place(o)|}; }
            public void AboveMinusOne(Order o) { if (slots.Free(o) is > -1) {|#1:b.Place(o)|}; }
        }
        """,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1));
}
