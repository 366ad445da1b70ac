using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace RiskSdk.Analyzers.Tests;

/// <summary>Runs <see cref="OrderPlacementAnalyzer"/> (and a code fix) over test sources with the <see cref="Prelude"/>.</summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic(string id, int markup = 0) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(markup);

    public static Task Analyzer(string source, params DiagnosticResult[] expected) => Analyzer(source, [], expected);

    public static async Task Analyzer(string source, (string Name, string Text)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<OrderPlacementAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState);
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static async Task CodeFix<TFix>(string source, string fixedSource, string? equivalenceKey, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<OrderPlacementAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        Configure(test.TestState);
        test.FixedState.Sources.Add((Prelude.FileName, Prelude.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>A fix that must not be offered for the diagnostics in <paramref name="source"/>: the code stays as it is.</summary>
    public static Task NoCodeFix<TFix>(string source, string equivalenceKey, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new() => CodeFix<TFix>(source, source, equivalenceKey, expected);

    private static void Configure(SolutionState state)
    {
        state.ReferenceAssemblies = TestReferences.None;
        state.AdditionalReferences.AddRange(TestReferences.All);
        state.Sources.Add((Prelude.FileName, Prelude.Source));
    }
}
