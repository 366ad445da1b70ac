using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Pipeline;
using Xunit;

namespace RiskSdk.Generators.Tests.Infrastructure;

/// <summary>
/// Runs an incremental generator over C# sources against offline .NET 10 reference assemblies plus the RiskSdk
/// runtime, and checks incrementality: after an unrelated edit every tracked step must be Cached or Unchanged, and no
/// Compilation, ISymbol or SyntaxNode may be reachable from a step's output.
/// </summary>
public static class GeneratorHarness
{
    private static readonly MetadataReference[] References =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(RiskSdk.RiskSettings).Assembly.Location))
            .ToArray();

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Tests",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// Runs the generator and the analyzer that reports its diagnostics, as a build does; returns both and the
    /// compilation with the generated sources added.
    /// </summary>
    public static (GeneratorRun Result, Compilation Output) Run(IIncrementalGenerator generator, params string[] sources)
    {
        var input = Compile(sources);
        var driver = CreateDriver(generator).RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        return (new GeneratorRun(driver.GetRunResult(), Analyze(input, AnalyzerFor(generator))), output);
    }

    /// <summary>The analyzer that reports a generator's diagnostics (it runs the generator's own parser).</summary>
    public static DiagnosticAnalyzer AnalyzerFor(IIncrementalGenerator generator) => generator switch
    {
        ConfigurationGenerator => new SettingsAnalyzer(),
        GatePipelineGenerator => new GatePipelineAnalyzer(),
        _ => throw new ArgumentException("No analyzer for " + generator.GetType().Name, nameof(generator)),
    };

    /// <summary>Analyzer diagnostics as a build reports them: pragma-suppressed ones left out, analyzer exceptions (AD0001) included.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, params DiagnosticAnalyzer[] analyzers) =>
        Analyze(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), analyzers);

    /// <summary>The same, with analyzer options (for example .editorconfig values).</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions options, params DiagnosticAnalyzer[] analyzers) =>
        new CompilationWithAnalyzers(
                compilation,
                analyzers.ToImmutableArray(),
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    /// <summary>The generated files by hint name, in hint-name order.</summary>
    public static IReadOnlyList<(string HintName, string Text)> GeneratedSources(GeneratorRun result) => GeneratedSources(result.Driver);

    /// <summary>The generated files by hint name, in hint-name order.</summary>
    public static IReadOnlyList<(string HintName, string Text)> GeneratedSources(GeneratorDriverRunResult result) =>
        result.Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToList();

    /// <summary>Errors in the compilation that includes the generated code (the generated code must compile).</summary>
    public static IReadOnlyList<Diagnostic> CompilationErrors(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>
    /// Runs the generator, then again after adding an unrelated file; asserts every step named in
    /// <paramref name="trackingNames"/> ran the second time and produced only Cached or Unchanged outputs, and
    /// that no step output holds a Compilation, ISymbol or SyntaxNode.
    /// </summary>
    public static void AssertCachedAfterUnrelatedEdit(IIncrementalGenerator generator, IReadOnlyCollection<string> trackingNames, params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver(generator).RunGenerators(compilation);
        var first = driver.GetRunResult();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class UnrelatedEdit { public const int Value = 42; }", new CSharpParseOptions(LanguageVersion.Latest)));
        var second = driver.RunGenerators(edited).GetRunResult();

        var firstSteps = TrackedSteps(first, trackingNames);
        var secondSteps = TrackedSteps(second, trackingNames);
        foreach (var name in trackingNames)
        {
            Assert.True(firstSteps.ContainsKey(name), $"Tracking step '{name}' did not run.");
            Assert.True(secondSteps.ContainsKey(name), $"Tracking step '{name}' did not run after the edit.");
            foreach (var step in secondSteps[name])
            {
                foreach (var (value, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' produced a {reason} output after an unrelated edit: {value}");
                }
            }

            foreach (var step in firstSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
                }
            }
        }
    }

    private static Dictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> TrackedSteps(GeneratorDriverRunResult result, IReadOnlyCollection<string> names) =>
        result.Results[0].TrackedSteps
            .Where(step => names.Contains(step.Key))
            .ToDictionary(step => step.Key, step => step.Value);

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or SyntaxTree or Location, $"Step '{step}' output holds a {value.GetType().Name}; models must be plain equatable data.");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen, depth + 1);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen, depth + 1);
        }
    }

    /// <summary>Every prefix of <paramref name="source"/> (by <paramref name="stride"/> characters) run through the generator must not crash it.</summary>
    public static void AssertSurvivesEveryPrefix(IIncrementalGenerator generator, string source, int stride = 1)
    {
        for (var length = 0; length <= source.Length; length += stride)
        {
            var (result, _) = Run(generator, source[..length]);
            var crash = result.Diagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001" or "RISKGEN009" or "RISKGEN108");
            Assert.True(crash is null, $"The generator or its analyzer crashed on the first {length} characters: {crash}");
            Assert.All(result.Results, r => Assert.Null(r.Exception));
        }
    }
}
