using System;
using System.Linq;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>The analyzer and code fixes must load in the .NET 8 SDK and later: they may reference Roslyn 4.8.0 at most.</summary>
public sealed class PackagingTests
{
    [Theory]
    [InlineData(typeof(OrderPlacementAnalyzer))]
    [InlineData(typeof(RiskSdk.CodeFixes.UnguardedOrderCodeFixProvider))]
    public void References_Roslyn_4_8_at_most(Type type)
    {
        var roslyn = type.Assembly.GetReferencedAssemblies().Where(name => name.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, name => Assert.True(name.Version <= new Version(4, 8, 0, 0), $"{name.Name} {name.Version}"));
    }

    [Fact]
    public void Analyzer_assembly_does_not_reference_workspaces() =>
        Assert.DoesNotContain(typeof(OrderPlacementAnalyzer).Assembly.GetReferencedAssemblies(), name => name.Name!.Contains("Workspaces", StringComparison.Ordinal));

    [Fact]
    public void Every_descriptor_links_to_its_rule_page()
    {
        foreach (var descriptor in new OrderPlacementAnalyzer().SupportedDiagnostics)
        {
            Assert.Equal($"https://github.com/risksdk/risksdk/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RiskSdk.Testing.RepositoryRoot.Path, "docs", "rules", descriptor.Id + ".md")), descriptor.Id);
        }
    }
}
