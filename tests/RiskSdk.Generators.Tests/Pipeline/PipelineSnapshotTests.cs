using RiskSdk.Gates;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>The emitted pipelines, byte for byte, against committed golden files; each compiles with no diagnostics.</summary>
public sealed class PipelineSnapshotTests
{
    [Theory]
    [InlineData("Default", PipelineSources.Default, "Demo.Trading.TradingPipeline.g.cs")]
    [InlineData("CustomGates", PipelineSources.CustomGates, "Demo.Custom.Host.CustomPipeline.g.cs")]
    [InlineData("Minimal", PipelineSources.Minimal, "MinimalPipeline.g.cs")]
    public void Emitted_pipeline_matches_its_snapshot_and_compiles(string name, string source, string hintName)
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), source);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics());
        var generated = Assert.Single(GeneratorHarness.GeneratedSources(result));
        Assert.Equal(hintName, generated.HintName);
        Snapshot.Match("Pipeline." + name, generated.Text);
    }

    [Fact]
    public void A_generic_pipeline_nested_in_a_record_compiles()
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), """
            using RiskSdk;
            using RiskSdk.Gates;
            namespace Demo;
            public partial record Desk<TBroker>
            {
                [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
                public partial class Pipeline<TSignal>;
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        Assert.Equal("Demo.Desk`1.Pipeline`1.g.cs", Assert.Single(GeneratorHarness.GeneratedSources(result)).HintName);
    }

    [Fact]
    public void Output_is_identical_across_runs()
    {
        var first = GeneratorHarness.GeneratedSources(GeneratorHarness.Run(new GatePipelineGenerator(), PipelineSources.CustomGates).Result);
        var second = GeneratorHarness.GeneratedSources(GeneratorHarness.Run(new GatePipelineGenerator(), PipelineSources.CustomGates).Result);

        Assert.Equal(first, second);
    }
}
