using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Analyzers.Tests;

/// <summary>Runs the analyzer through <see cref="CompilationWithAnalyzers"/> directly, recording analyzer exceptions.</summary>
internal static class DirectRun
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The prelude with every reference; derived compilations reuse its bound references, which keeps many runs cheap.</summary>
    private static readonly CSharpCompilation Base = CSharpCompilation.Create(
        "Direct",
        [CSharpSyntaxTree.ParseText(Prelude.Source, ParseOptions, Prelude.FileName)],
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Compile(params string[] sources)
    {
        var trees = new List<SyntaxTree>();
        for (var i = 0; i < sources.Length; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(sources[i], ParseOptions, $"/0/Test{i}.cs"));
        }

        return Base.AddSyntaxTrees(trees);
    }

    /// <summary>The analyzer's diagnostics and any exception it threw.</summary>
    public static Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> AnalyzeAsync(Compilation compilation) =>
        AnalyzeAsync(compilation, []);

    /// <summary>As above, with additional files (the symbols files).</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> AnalyzeAsync(Compilation compilation, AdditionalText[] additionalFiles)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles.ToImmutableArray()),
            (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception.ToString());
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new OrderPlacementAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return (diagnostics, exceptions);
    }
}
