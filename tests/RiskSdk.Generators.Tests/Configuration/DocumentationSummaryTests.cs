using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The XML doc summary becomes the variable's description, whether or not the project generates a documentation file.</summary>
public sealed class DocumentationSummaryTests
{
    private const string Source = """
        using RiskSdk;
        using RiskSdk.Configuration;
        [EnvironmentSettings("APP_")]
        public partial class Settings
        {
            /// <summary>
            ///   The cap, never above <see cref="Ceiling"/>; <c>0</c> halts, like <see langword="null"/> for <paramref name="x"/>.
            /// </summary>
            /// <remarks>Not part of the description.</remarks>
            public int Cap { get; init; } = 1;

            /// <summary>The ceiling.</summary>
            public int Ceiling { get; init; } = 2;
        }
        """;

    [Theory]
    [InlineData(DocumentationMode.Parse)]
    [InlineData(DocumentationMode.Diagnose)]
    [InlineData(DocumentationMode.None)]
    public void The_summary_is_read_as_plain_text_in_every_documentation_mode(DocumentationMode mode)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, mode);
        var compilation = GeneratorHarness.Compile(Source).RemoveAllSyntaxTrees().AddSyntaxTrees(CSharpSyntaxTree.ParseText(Source, options));
        var driver = CSharpGeneratorDriver.Create(new[] { new ConfigurationGenerator().AsSourceGenerator() }, parseOptions: options).RunGenerators(compilation);

        var text = driver.GetRunResult().GeneratedTrees.Single().ToString();

        Assert.Contains("Description = \"The cap, never above Ceiling; 0 halts, like null for x.\",", text, System.StringComparison.Ordinal);
        Assert.Contains("Description = \"The ceiling.\",", text, System.StringComparison.Ordinal);
    }
}
