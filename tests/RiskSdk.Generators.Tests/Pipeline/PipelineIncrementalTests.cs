using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RiskSdk.Gates;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>The generator caches: unrelated edits leave every step cached, models are plain data, and half-typed code never crashes it.</summary>
public sealed class PipelineIncrementalTests
{
    [Theory]
    [InlineData(PipelineSources.Default)]
    [InlineData(PipelineSources.CustomGates)]
    [InlineData(PipelineSources.Minimal)]
    public void Every_step_is_cached_after_an_unrelated_edit(string source) =>
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(new GatePipelineGenerator(), PipelineTrackingNames.All, source);

    [Fact]
    public void Reordering_the_gates_regenerates_the_source()
    {
        var compilation = GeneratorHarness.Compile(PipelineSources.Default);
        var driver = GeneratorHarness.CreateDriver(new GatePipelineGenerator()).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var reordered = PipelineSources.Default.Replace("    typeof(MinimumConfidenceGate),\n    typeof(MinimumKellyGate),", "    typeof(MinimumKellyGate),\n    typeof(MinimumConfidenceGate),", StringComparison.Ordinal);
        Assert.NotEqual(PipelineSources.Default, reordered);
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(reordered, (CSharpParseOptions)tree.Options));

        var second = driver.RunGenerators(edited).GetRunResult().Results[0];

        Assert.Contains(second.TrackedSteps[PipelineTrackingNames.Model].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Theory]
    [InlineData(PipelineSources.Default)]
    [InlineData(PipelineSources.CustomGates)]
    public void Every_prefix_of_a_source_is_survived(string source) =>
        GeneratorHarness.AssertSurvivesEveryPrefix(new GatePipelineGenerator(), source, stride: 11);
}
