using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>RiskSdk.OrderPlacement.txt and RiskSdk.PositionChecks.txt: parsing, resolution, and RISK003/RISK004 at the line.</summary>
public sealed class SymbolsFileTests
{
    private const string Vendor = """
        namespace Vendor
        {
            public sealed class Client
            {
                public void Submit(Order order) { }
                public bool Allowed(Order order) => true;
                public void Submit<T>(T order, int lots) { }
            }
        }
        """;

    private const string PlacementFile = "/0/RiskSdk.OrderPlacement.txt";
    private const string ChecksFile = "/0/RiskSdk.PositionChecks.txt";

    [Fact]
    public Task Listed_placement_is_reported_when_unguarded() => Verify.Analyzer(
        Prelude.Body("{|#0:new Vendor.Client().Submit(order)|};") + Vendor,
        [(PlacementFile, "# broker API\nM:Vendor.Client.Submit(Order) ; the only one\n")],
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Listed_check_guards_a_listed_placement() => Verify.Analyzer(
        Prelude.Body("var client = new Vendor.Client(); if (client.Allowed(order)) client.Submit(order);") + Vendor,
        [(PlacementFile, "M:Vendor.Client.Submit(Order)\n"), (ChecksFile, "  M:Vendor.Client.Allowed(Order)  # vendor check\n")]);

    [Fact]
    public Task Generic_method_id_resolves() => Verify.Analyzer(
        Prelude.Body("{|#0:new Vendor.Client().Submit(order, 1)|};") + Vendor,
        [(PlacementFile, "M:Vendor.Client.Submit``1(``0,System.Int32)\n")],
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Malformed_and_unknown_lines_are_reported_at_their_line() => Verify.Analyzer(
        Prelude.Body("{|#0:broker.Place(order)|};") + Vendor,
        [(PlacementFile, "; comment only\n\nVendor Client Submit\nM:Vendor.Client.Submit(Order\n   M:Vendor.Client.Missing(Order) ; stale\n")],
        new DiagnosticResult(RiskDiagnostics.MalformedSymbolLineId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 3, 1, 3, 21).WithArguments("Vendor Client Submit"),
        new DiagnosticResult(RiskDiagnostics.MalformedSymbolLineId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 4, 1, 4, 29).WithArguments("M:Vendor.Client.Submit(Order"),
        new DiagnosticResult(RiskDiagnostics.UnknownSymbolId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 5, 4, 5, 34).WithArguments("M:Vendor.Client.Missing(Order)", "an order-placement method"),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Theory]
    [InlineData("M:A.B.C(System.Int32)", true)]
    [InlineData("M:A.B.#ctor", true)]
    [InlineData("P:A.B.C", true)]
    [InlineData("A.B.C", true)]
    [InlineData("M:A.B.C*", true)]
    [InlineData("T:A.B", false)]
    [InlineData("M:", false)]
    [InlineData("M:A.B.C(", false)]
    [InlineData("M:A.B C", false)]
    [InlineData("Submit", false)]
    public void Id_shape(string id, bool expected) => Assert.Equal(expected, SymbolsFile.LooksLikeId(id, allowProperty: true));

    [Theory]
    [InlineData("M:A.B.#ctor # comment", "M:A.B.#ctor")]
    [InlineData("  M:A.B.C ; why", "M:A.B.C")]
    [InlineData("# all comment", "")]
    [InlineData("   ", "")]
    public void Comments_and_blanks_are_stripped(string line, string id)
    {
        var text = SourceText.From(line);
        Assert.Equal(id, text.ToString(SymbolsFile.IdSpan(text, text.Lines[0])));
    }
}
