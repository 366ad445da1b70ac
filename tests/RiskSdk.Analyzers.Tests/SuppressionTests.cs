using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>Each rule stands on its own: suppressing one never hides another; the symbols-file rules follow <c>.editorconfig</c>.</summary>
public sealed class SuppressionTests
{
    private const string PlacementFile = "/0/RiskSdk.OrderPlacement.txt";

    [Fact]
    public Task Pragma_for_RISK002_leaves_the_RISK001_after_it() => Verify.Analyzer(Prelude.Body("""
        #pragma warning disable RISK002 // the check is only logged here
                limits.CanOpen(order);
        #pragma warning restore RISK002
                {|#0:broker.Place(order)|};
        """),
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task RISK002_set_to_none_leaves_the_RISK001_after_it() => Verify.Analyzer(
        Prelude.Body("limits.CanOpen(order); {|#0:broker.Place(order)|};"),
        [],
        "root = true\n\n[*.cs]\ndotnet_diagnostic.RISK002.severity = none\n",
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));

    [Fact]
    public Task Symbols_file_rules_follow_a_globalconfig() => Verify.Analyzer(
        Prelude.Body(string.Empty),
        [(PlacementFile, "T:Vendor.Client\nM:Vendor.Client.Missing(Order)\n")],
        "is_global = true\n\ndotnet_diagnostic.RISK003.severity = none\n",
        new DiagnosticResult(RiskDiagnostics.UnknownSymbolId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 2, 1, 2, 31).WithArguments("M:Vendor.Client.Missing(Order)", "an order-placement method"));

    /// <summary>
    /// The compiler applies <c>.editorconfig</c> sections only to source files, and keeps their severity keys from
    /// analyzers, so no section reaches a diagnostic in a <c>.txt</c> file: the rule pages say to use a
    /// <c>.globalconfig</c> (or <c>NoWarn</c>) instead. This pins that behaviour so the pages stay true.
    /// </summary>
    [Theory]
    [InlineData("[*.cs]")]
    [InlineData("[*.txt]")]
    public Task An_editorconfig_section_does_not_reach_the_symbols_files(string section) => Verify.Analyzer(
        Prelude.Body(string.Empty),
        [(PlacementFile, "T:Vendor.Client\n")],
        $"root = true\n\n{section}\ndotnet_diagnostic.RISK003.severity = none\n",
        new DiagnosticResult(RiskDiagnostics.MalformedSymbolLineId, DiagnosticSeverity.Warning).WithSpan(PlacementFile, 1, 1, 1, 16).WithArguments("T:Vendor.Client"));
}
