using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>Bind(IConfiguration) is generated only when the app references Microsoft.Extensions.Configuration.Abstractions.</summary>
public sealed class ConfigurationAdapterTests
{
    private const string Signature = "Bind(global::Microsoft.Extensions.Configuration.IConfiguration configuration)";

    [Fact]
    public void Without_the_abstractions_there_is_no_configuration_overload()
    {
        var (result, _) = GeneratorHarness.Run(new ConfigurationGenerator(), ConfigurationSources.AutoExec);

        Assert.DoesNotContain(Signature, GeneratorHarness.GeneratedSources(result).Single().Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_abstractions_the_configuration_overload_is_generated_and_compiles()
    {
        var compilation = GeneratorHarness.Compile(ConfigurationSources.AutoExec)
            .AddReferences(MetadataReference.CreateFromFile(typeof(IConfiguration).Assembly.Location));

        var driver = GeneratorHarness.CreateDriver(new ConfigurationGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        Assert.Contains(Signature, driver.GetRunResult().GeneratedTrees.Single().ToString(), System.StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }
}
