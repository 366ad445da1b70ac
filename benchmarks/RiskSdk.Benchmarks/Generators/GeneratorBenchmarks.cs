using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RiskSdk.Benchmarks.Compilation;
using RiskSdk.Benchmarks.Running;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Pipeline;

namespace RiskSdk.Benchmarks.Generators;

/// <summary>
/// Both RiskSdk generators under <see cref="CSharpGeneratorDriver"/> on a project of 200 settings classes and 50
/// pipelines: a cold run (a new driver on a new compilation: the baseline), and a warm driver's run after an
/// unrelated edit (a new compilation with one unrelated method changed), which must hit the incremental cache. Next
/// to it, the floor under that row: <see cref="AttributeLookupFloor"/>'s warm driver after the same edit, i.e. what
/// Roslyn itself charges per edit to find the attributed classes again on the new compilation (declarations, binding
/// each class and its attributes) before any parsing of ours. The setup checks the generated code compiles without
/// errors and that the edited run regenerates nothing.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ISourceGenerator[] _generators = null!;
    private SyntaxTree[] _trees = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _warmFloor = null!;

    /// <summary>Parses the project, warms a driver on it, and checks the generated output and the cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _generators = [new ConfigurationGenerator().AsSourceGenerator(), new GatePipelineGenerator().AsSourceGenerator()];
        _trees = SyntheticCompilation.Parse(GeneratorWorkload.Sources());
        _unrelated = _trees.Single(static tree => tree.FilePath == GeneratorWorkload.UnrelatedPath);
        _unrelatedEdited = CSharpSyntaxTree.ParseText(GeneratorWorkload.Unrelated(2), SyntheticCompilation.ParseOptions, path: GeneratorWorkload.UnrelatedPath);

        var compilation = SyntheticCompilation.Create(_trees);
        _warm = CreateDriver(trackSteps: false).RunGenerators(compilation);
        _warmFloor = CreateDriverWith([new AttributeLookupFloor().AsSourceGenerator()], trackSteps: false).RunGenerators(compilation);
        CheckOutput(compilation);
        CheckCacheHit(compilation);
        JitWarmUp.Once(this, () =>
        {
            Cold();
            AfterUnrelatedEdit();
            AttributeLookupAfterUnrelatedEdit();
        });
    }

    /// <summary>A new driver on a new compilation.</summary>
    /// <returns>Generated files.</returns>
    [Benchmark(Baseline = true, Description = "Cold: new driver, new compilation")]
    public int Cold() => CreateDriver(trackSteps: false).RunGenerators(SyntheticCompilation.Create(_trees)).GetRunResult().GeneratedTrees.Length;

    /// <summary>The warm driver on a new compilation with the unrelated edit.</summary>
    /// <returns>Generated files.</returns>
    [Benchmark(Description = "Warm driver, after an unrelated edit")]
    public int AfterUnrelatedEdit() => _warm.RunGenerators(Edited()).GetRunResult().GeneratedTrees.Length;

    /// <summary>The floor: a warm driver of a generator that only finds the same attributed classes, after the same edit.</summary>
    /// <returns>Generated files (none).</returns>
    [Benchmark(Description = "Floor: attribute lookup only, warm, after the edit")]
    public int AttributeLookupAfterUnrelatedEdit() => _warmFloor.RunGenerators(Edited()).GetRunResult().GeneratedTrees.Length;

    private static CSharpGeneratorDriver CreateDriverWith(ISourceGenerator[] generators, bool trackSteps) => CSharpGeneratorDriver.Create(
        generators,
        parseOptions: SyntheticCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private CSharpGeneratorDriver CreateDriver(bool trackSteps) => CreateDriverWith(_generators, trackSteps);

    private CSharpCompilation Edited() => SyntheticCompilation.Create(_trees).ReplaceSyntaxTree(_unrelated, _unrelatedEdited);

    private void CheckOutput(CSharpCompilation compilation)
    {
        var result = _warm.GetRunResult();
        var expectedFiles = GeneratorWorkload.SettingsClasses + GeneratorWorkload.Pipelines;
        if (result.Diagnostics.Length != 0 || result.GeneratedTrees.Length < expectedFiles)
        {
            throw new InvalidOperationException($"The generators made {result.GeneratedTrees.Length} files (expected at least {expectedFiles}) and reported: {string.Join("; ", result.Diagnostics)}");
        }

        var errors = compilation.AddSyntaxTrees(result.GeneratedTrees).GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count != 0)
        {
            throw new InvalidOperationException("The generated code does not compile: " + string.Join("; ", errors));
        }
    }

    private void CheckCacheHit(CSharpCompilation compilation)
    {
        var tracked = CreateDriver(trackSteps: true).RunGenerators(compilation);
        var edited = tracked.RunGenerators(compilation.ReplaceSyntaxTree(_unrelated, _unrelatedEdited)).GetRunResult();
        var regenerated = edited.Results
            .SelectMany(static result => result.TrackedOutputSteps.Values)
            .SelectMany(static steps => steps)
            .SelectMany(static step => step.Outputs)
            .Count(static output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        if (regenerated != 0)
        {
            throw new InvalidOperationException($"{regenerated} generator outputs were produced again after an unrelated edit: the cache was missed.");
        }
    }
}
