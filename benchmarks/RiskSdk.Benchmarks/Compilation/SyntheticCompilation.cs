using System.Collections.Generic;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RiskSdk.Benchmarks.Compilation;

/// <summary>Parses synthetic sources once and makes fresh compilations of them against the offline .NET 10 reference assemblies and the RiskSdk runtime.</summary>
public static class SyntheticCompilation
{
    /// <summary>The parse options of every synthetic tree.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    private static readonly MetadataReference[] References =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(RiskSettings).Assembly.Location))
            .ToArray();

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release);

    /// <summary>Parses each source as its own file.</summary>
    /// <param name="sources">File names and texts.</param>
    /// <returns>The syntax trees.</returns>
    public static SyntaxTree[] Parse(IEnumerable<(string Path, string Text)> sources) =>
        sources.Select(static source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, path: source.Path)).ToArray();

    /// <summary>A new compilation of already parsed trees: nothing is bound yet, as after a fresh start.</summary>
    /// <param name="trees">The trees.</param>
    /// <returns>The compilation.</returns>
    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Synthetic", trees, References, Options);
}
