using System.Linq;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The emitted code, compared with the committed golden files; the generated code must also compile cleanly.</summary>
public sealed class ConfigurationSnapshotTests
{
    [Theory]
    [InlineData(nameof(ConfigurationSources.Simple), ConfigurationSources.Simple, "Demo.TrackerSettings.g.cs")]
    [InlineData(nameof(ConfigurationSources.AutoExec), ConfigurationSources.AutoExec, "Demo.Trading.TrackerSettings.g.cs")]
    [InlineData(nameof(ConfigurationSources.NestedInGlobalNamespace), ConfigurationSources.NestedInGlobalNamespace, "Host.Settings.g.cs")]
    public void Emitted_code_matches_the_snapshot_and_compiles(string name, string source, string hintName)
    {
        var (result, output) = GeneratorHarness.Run(new ConfigurationGenerator(), source);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        var generated = Assert.Single(GeneratorHarness.GeneratedSources(result));
        Assert.Equal(hintName, generated.HintName);
        Snapshot.Match("Configuration." + name, generated.Text);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        var first = GeneratorHarness.GeneratedSources(GeneratorHarness.Run(new ConfigurationGenerator(), ConfigurationSources.AutoExec).Result).Single().Text;
        var second = GeneratorHarness.GeneratedSources(GeneratorHarness.Run(new ConfigurationGenerator(), ConfigurationSources.AutoExec).Result).Single().Text;

        Assert.Equal(first, second);
    }
}
