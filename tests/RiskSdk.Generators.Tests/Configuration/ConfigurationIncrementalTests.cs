using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The pipeline caches: unrelated edits leave every step cached, models are plain data, and malformed code never crashes the generator.</summary>
public sealed class ConfigurationIncrementalTests
{
    [Theory]
    [InlineData(ConfigurationSources.Simple)]
    [InlineData(ConfigurationSources.AutoExec)]
    [InlineData(ConfigurationSources.NestedInGlobalNamespace)]
    public void Every_step_is_cached_after_an_unrelated_edit(string source) =>
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(new ConfigurationGenerator(), ConfigurationTrackingNames.All, source);

    [Fact]
    public void Moving_the_class_down_the_file_reports_diagnostics_again_but_does_not_regenerate_source()
    {
        var compilation = GeneratorHarness.Compile(ConfigurationSources.Simple);
        var driver = GeneratorHarness.CreateDriver(new ConfigurationGenerator()).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var moved = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment that shifts every line\n")));

        var second = driver.RunGenerators(moved).GetRunResult().Results[0];

        var model = second.TrackedSteps[ConfigurationTrackingNames.Model].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(model, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        var output = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Where(o => o.Value is not EquatableArray<DiagnosticInfo>);
        Assert.DoesNotContain(output, o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Editing_a_setting_regenerates_the_source()
    {
        var compilation = GeneratorHarness.Compile(ConfigurationSources.Simple);
        var driver = GeneratorHarness.CreateDriver(new ConfigurationGenerator()).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(ConfigurationSources.Simple.Replace("[Range(0, 1000)]", "[Range(0, 500)]", System.StringComparison.Ordinal), (CSharpParseOptions)tree.Options));

        var second = driver.RunGenerators(edited).GetRunResult().Results[0];

        Assert.Contains(second.TrackedSteps[ConfigurationTrackingNames.Model].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Theory]
    [InlineData(ConfigurationSources.Simple)]
    [InlineData(ConfigurationSources.NestedInGlobalNamespace)]
    [InlineData(ConfigurationSources.AutoExec)]
    public void Every_prefix_of_a_source_is_survived(string source) =>
        GeneratorHarness.AssertSurvivesEveryPrefix(new ConfigurationGenerator(), source, stride: 7);
}
