using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// Checks whose result is not a plain bool or a decision with <c>IsApproved</c>: a member named by
/// <c>ApprovedWhen</c>, a tuple element, a count of free slots, an inverted ("is blocked?") check, a property; and
/// RISK006 when the approval cannot be determined.
/// </summary>
public sealed class ApprovalTests
{
    private const string Gates = """

        public readonly record struct Permit(bool IsAllowed, string Reason);
        public readonly record struct Verdict(bool IsBlocked);

        public class Gates
        {
            [PositionLimitCheck(ApprovedWhen = "IsAllowed")] public Permit Allow(Order o) => default;
            [PositionLimitCheck(ApprovedWhen = "Allowed")] public (bool Allowed, string Reason) Pair(Order o) => default;
            [PositionLimitCheck(ApprovedWhen = "> 0")] public int FreeSlots(Order o) => 0;
            [PositionLimitCheck(ApprovedWhen = "false")] public Task<bool> IsBlockedAsync(Order o) => Task.FromResult(false);
            [PositionLimitCheck(ApprovedWhen = "false")] public bool IsBlocked(Order o) => false;
            [PositionLimitCheck(ApprovedWhen = "!IsBlocked")] public Verdict Judge(Order o) => default;
            [PositionLimitCheck] public bool CanOpenNewPosition => true;
        }
        """;

    public static TheoryData<string> Guarded() => new()
    {
        "if (!new Gates().Allow(order).IsAllowed) return; broker.Place(order);",
        "var p = new Gates().Allow(order); if (p is { IsAllowed: true }) broker.Place(order);",
        "var (ok, why) = new Gates().Pair(order); if (!ok) return; broker.Place(order);",
        "if (new Gates().Pair(order).Allowed) broker.Place(order);",
        "if (new Gates().FreeSlots(order) > 0) broker.Place(order);",
        "var n = new Gates().FreeSlots(order); if (n <= 0) return; broker.Place(order);",
        "if (0 < new Gates().FreeSlots(order)) broker.Place(order);",
        "if (await new Gates().IsBlockedAsync(order)) return; broker.Place(order);",
        "if (!new Gates().IsBlocked(order)) broker.Place(order);",
        "if (new Gates().Judge(order).IsBlocked) return; broker.Place(order);",
        "if (new Gates().Judge(order) is { IsBlocked: false }) broker.Place(order);",
        "var gates = new Gates(); if (!gates.CanOpenNewPosition) return; broker.Place(order);",
    };

    public static TheoryData<string> Unguarded() => new()
    {
        "if (new Gates().Allow(order).Reason != null) {|#0:broker.Place(order)|};",
        "var (ok, why) = new Gates().Pair(order); if (ok) return; {|#0:broker.Place(order)|};",
        "if (new Gates().FreeSlots(order) >= 0) {|#0:broker.Place(order)|};",
        "if (await new Gates().IsBlockedAsync(order)) {|#0:broker.Place(order)|};",
        "if (new Gates().IsBlocked(order)) {|#0:broker.Place(order)|};",
        "if (!new Gates().Judge(order).IsBlocked) return; {|#0:broker.Place(order)|};",
        "var gates = new Gates(); if (gates.CanOpenNewPosition) return; {|#0:broker.Place(order)|};",
    };

    [Theory]
    [MemberData(nameof(Guarded))]
    public Task Declared_approval_guards(string statements) => Verify.Analyzer(Prelude.Body(statements) + Gates);

    [Theory]
    [MemberData(nameof(Unguarded))]
    public Task Wrong_or_inverted_test_is_reported(string statements) =>
        Verify.Analyzer(Prelude.Body(statements) + Gates, Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task A_check_with_an_undeclared_result_is_RISK006_and_guards_nothing() => Verify.Analyzer(
        Prelude.Body("if (new Vague().Allow(order).IsAllowed) {|#1:broker.Place(order)|};") + """

            public readonly record struct Permit(bool IsAllowed);
            public sealed class Vague { [{|#0:PositionLimitCheck|}] public Permit Allow(Order o) => default; }
            """,
        Verify.Diagnostic(RiskDiagnostics.UndeterminedApprovalId).WithArguments("Vague.Allow", "returns 'Permit', which has no bool IsApproved: say which member approves with ApprovedWhen"),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1));

    [Fact]
    public Task An_ApprovedWhen_naming_no_member_is_RISK006() => Verify.Analyzer(
        Prelude.Body(string.Empty) + """

            public readonly record struct Permit(bool IsAllowed);
            public sealed class Vague { [{|#0:PositionLimitCheck(ApprovedWhen = "Allowed")|}] public Permit Allow(Order o) => default; }
            """,
        Verify.Diagnostic(RiskDiagnostics.UndeterminedApprovalId).WithArguments("Vague.Allow", "ApprovedWhen = \"Allowed\" names no readable bool member of 'Permit'"));

    private const string Vendor = """

        namespace Vendor
        {
            public readonly record struct Permit(bool IsAllowed);
            public sealed class Gate
            {
                public Permit Check(Order order) => default;
                public bool Open => true;
            }
            public sealed class Client
            {
                public void Submit(Order order) { }
                public void Submit(Order order, int lots) { }
                public void SubmitBracket(Order order) { }
            }
        }
        """;

    private const string ChecksFile = "/0/RiskSdk.PositionChecks.txt";
    private const string PlacementFile = "/0/RiskSdk.OrderPlacement.txt";

    [Fact]
    public Task A_listed_check_with_approved_when_guards() => Verify.Analyzer(
        Prelude.Body("var gate = new Vendor.Gate(); if (!gate.Check(order).IsAllowed) return; if (gate.Open) broker.Place(order);") + Vendor,
        [(ChecksFile, "M:Vendor.Gate.Check(Order) approved-when:IsAllowed\nP:Vendor.Gate.Open\n")]);

    [Fact]
    public Task A_listed_property_check_guards() => Verify.Analyzer(
        Prelude.Body("var gate = new Vendor.Gate(); if (gate.Open) broker.Place(order);") + Vendor,
        [(ChecksFile, "P:Vendor.Gate.Open\n")]);

    [Fact]
    public Task A_listed_check_without_approved_when_is_RISK006_at_its_line() => Verify.Analyzer(
        Prelude.Body("var gate = new Vendor.Gate(); if (gate.Check(order).IsAllowed) {|#0:broker.Place(order)|};") + Vendor,
        [(ChecksFile, "M:Vendor.Gate.Check(Order)   ; no approved-when\n")],
        new DiagnosticResult(RiskDiagnostics.UndeterminedApprovalId, DiagnosticSeverity.Error).WithSpan(ChecksFile, 1, 1, 1, 27)
            .WithArguments("Gate.Check", "returns 'Permit', which has no bool IsApproved: say which member approves with ApprovedWhen"),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Name_only_and_wildcard_lines_cover_every_overload() => Verify.Analyzer(
        Prelude.Body("var c = new Vendor.Client(); {|#0:c.Submit(order)|}; {|#1:c.Submit(order, 2)|}; {|#2:c.SubmitBracket(order)|};") + Vendor,
        [(PlacementFile, "Vendor.Client.Submit\nM:Vendor.Client.SubmitB*\n")],
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 0),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 1),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId, 2));

    [Fact]
    public Task A_pattern_that_matches_nothing_is_RISK004_and_unusable_lines_RISK003() => Verify.Analyzer(
        Prelude.Body(string.Empty) + Vendor,
        [(PlacementFile, "M:Vendor.Client.Cancel*\nT:Vendor.Client\nP:Vendor.Gate.Open\nM:Vendor.Client.Submit(Order) approved-when:true\n")],
        new DiagnosticResult(RiskDiagnostics.UnknownSymbolId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 1, 1, 1, 24).WithArguments("M:Vendor.Client.Cancel*", "an order-placement method"),
        new DiagnosticResult(RiskDiagnostics.MalformedSymbolLineId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 2, 1, 2, 16).WithArguments("T:Vendor.Client"),
        new DiagnosticResult(RiskDiagnostics.MalformedSymbolLineId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 3, 1, 3, 19).WithArguments("P:Vendor.Gate.Open"),
        new DiagnosticResult(RiskDiagnostics.MalformedSymbolLineId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 4, 1, 4, 49).WithArguments("M:Vendor.Client.Submit(Order) approved-when:true"));

    /// <summary>The sources, for the every-prefix robustness run.</summary>
    internal static IEnumerable<string> AllSources()
    {
        foreach (var row in Guarded())
        {
            yield return Prelude.Body(row) + Gates;
        }

        foreach (var row in Unguarded())
        {
            yield return Prelude.Body(row) + Gates;
        }
    }
}
