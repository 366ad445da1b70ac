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

    public static Task Analyzer(string source, (string Name, string Text)[] additionalFiles, params DiagnosticResult[] expected) =>
        Analyzer(source, additionalFiles, editorConfig: null, expected);

    /// <summary>Runs the analyzer with additional files and an <c>.editorconfig</c> at the root of the test project.</summary>
    public static async Task Analyzer(string source, (string Name, string Text)[] additionalFiles, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<OrderPlacementAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState);
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        if (editorConfig is not null)
        {
            var name = editorConfig.StartsWith("is_global", System.StringComparison.Ordinal) ? "/.globalconfig" : "/.editorconfig";
            test.TestState.AnalyzerConfigFiles.Add((name, editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static Task CodeFix<TFix>(string source, string fixedSource, string? equivalenceKey, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new() => CodeFix<TFix>(source, fixedSource, equivalenceKey, batch: null, expected);

    /// <summary>
    /// A fix whose Fix All gives <paramref name="batch"/> (the source after Fix All and the diagnostics left in it)
    /// rather than the one-at-a-time result; null when both agree.
    /// </summary>
    public static Task CodeFix<TFix>(string source, string fixedSource, string? equivalenceKey, (string Source, DiagnosticResult[] Remaining)? batch, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new() => CodeFix<TFix>(source, fixedSource, equivalenceKey, batch, iterations: null, expected);

    /// <summary>As above, where applying the fix one diagnostic at a time takes <paramref name="iterations"/> rounds (a chain of wrappers).</summary>
    public static async Task CodeFix<TFix>(string source, string fixedSource, string? equivalenceKey, (string Source, DiagnosticResult[] Remaining)? batch, int? iterations, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<OrderPlacementAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
        };
        Configure(test.TestState);

        // Explicit fixed states: a diagnostic this fix does not fix (RISK001 after a RISK002) may be gone after it.
        Fixed(test.FixedState, fixedSource, []);
        if (batch is { } batchFix)
        {
            Fixed(test.BatchFixedState, batchFix.Source, batchFix.Remaining);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>The fix a batch tool that takes the first action (dotnet format) applies: code action 0, no key.</summary>
    public static async Task FirstCodeFix<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<OrderPlacementAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            CodeActionIndex = 0,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        Configure(test.TestState);
        Fixed(test.FixedState, fixedSource, []);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>A fix that must not be offered for the diagnostics in <paramref name="source"/>: the code stays as it is.</summary>
    public static async Task NoCodeFix<TFix>(string source, string equivalenceKey, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<OrderPlacementAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        Configure(test.TestState);
        Fixed(test.FixedState, source, expected);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static void Fixed(SolutionState state, string source, DiagnosticResult[] remaining)
    {
        state.InheritanceMode = StateInheritanceMode.Explicit;
        state.MarkupHandling = MarkupMode.Allow;
        state.Sources.Add(("/0/Test0.cs", source));
        Configure(state);
        state.ExpectedDiagnostics.AddRange(remaining);
    }

    private static void Configure(SolutionState state)
    {
        state.ReferenceAssemblies = TestReferences.None;
        state.AdditionalReferences.AddRange(TestReferences.All);
        state.AdditionalReferences.Add(TestLibraries.Dispatch);
        state.Sources.Add((Prelude.FileName, Prelude.Source));
    }
}
