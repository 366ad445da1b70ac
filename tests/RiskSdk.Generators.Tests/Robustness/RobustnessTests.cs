using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Robustness;

/// <summary>
/// Shapes that once crashed a generator: both generators and every analyzer run over them together with valid classes.
/// Nothing crashes, the valid classes keep their generated code, and each shape gets a RISKGEN diagnostic at its own code.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly IIncrementalGenerator[] Generators = { new ConfigurationGenerator(), new GatePipelineGenerator() };

    private static DiagnosticAnalyzer[] Analyzers() => new DiagnosticAnalyzer[] { new SettingsAnalyzer(), new GatePipelineAnalyzer(), new KillSwitchOrderAnalyzer() };

    public static TheoryData<string> Shapes() => new(RobustnessSources.Shapes);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_shape_that_once_crashed_leaves_the_other_classes_generated(string shape)
    {
        var (run, output, diagnostics) = RunAll(RobustnessSources.Valid, shape);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "RISKGEN009" or "RISKGEN108");
        var hints = run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        Assert.Contains("Demo.GoodSettings.g.cs", hints);
        Assert.Contains("Demo.GoodPipeline.g.cs", hints);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }

    [Fact]
    public void Null_gate_lists_are_RISKGEN109_at_the_attribute()
    {
        var (_, _, diagnostics) = RunAll(RobustnessSources.NullGateList, RobustnessSources.NullGate);

        var found = diagnostics.Where(d => d.Id == "RISKGEN109").OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ToList();
        Assert.Equal(2, found.Count);
        Assert.Equal("GatePipeline(null!)", Squiggled(found[0]));
        Assert.Contains("is null", found[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("holds null as gate 2", found[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.All(found, d => Assert.True(d.Location.IsInSource));
    }

    [Fact]
    public void An_array_in_RequiredWhen_is_RISKGEN006_at_the_property()
    {
        var (run, _, diagnostics) = RunAll(RobustnessSources.RequiredWhenArray);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "RISKGEN006");
        Assert.Equal("Account", Squiggled(diagnostic));
        Assert.Contains("write one [RequiredWhen] per value", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void File_local_classes_are_refused_at_their_name()
    {
        var (run, _, diagnostics) = RunAll(RobustnessSources.FileLocal);

        Assert.Empty(run.GeneratedTrees);
        Assert.Equal(new[] { "LocalSettings" }, diagnostics.Where(d => d.Id == "RISKGEN010").Select(Squiggled));
        Assert.Equal(new[] { "LocalPipeline", "NestedPipeline" }, diagnostics.Where(d => d.Id == "RISKGEN106").Select(Squiggled).Order(StringComparer.Ordinal));
        Assert.All(diagnostics.Where(d => d.Id == "RISKGEN106"), d => Assert.Contains("is file-local", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_prefix_of_a_shape_is_survived_by_both_generators(string shape)
    {
        foreach (var generator in Generators)
        {
            GeneratorHarness.AssertSurvivesEveryPrefix(generator, shape, stride: 5);
        }
    }

    private static (GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) RunAll(params string[] sources)
    {
        var input = GeneratorHarness.Compile(sources);
        var driver = CSharpGeneratorDriver.Create(
            Generators.Select(g => g.AsSourceGenerator()),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        var run = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _).GetRunResult();
        return (run, output, GeneratorHarness.Analyze(input, Analyzers()));
    }

    private static string Squiggled(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
