using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace RiskSdk.Package.Tests;

/// <summary>RiskSdk consumed the way users consume it: one PackageReference, restored from a feed.</summary>
[Collection(PackedRiskSdk.Name)]
public sealed class PackageConsumerTests(ConsumerWorkspace workspace)
{
    /// <summary>An order placed with no position-limit check: line 7, column 9 is the call.</summary>
    private const string UnguardedSource = """
        using RiskSdk;

        internal static class Unguarded
        {
            public static void Run(PaperBroker broker, TradeIntent intent)
            {
                broker.PlaceOrder(intent);
            }
        }
        """;

    private const string OlderCompilerProperties = "<RoslynCompilerType>Custom</RoslynCompilerType>";

    private const string OlderCompilerItems = "<PackageReference Include=\"Microsoft.Net.Compilers.Toolset\" Version=\"4.14.0\" PrivateAssets=\"all\" />";

    [PackageFact]
    public void The_package_holds_the_runtime_and_every_compile_time_component_and_depends_only_on_logging_abstractions()
    {
        using var package = ZipFile.OpenRead(Path.Combine(workspace.Feed, $"RiskSdk.{workspace.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("lib/net8.0/RiskSdk.dll", entries);
        Assert.Contains("lib/net10.0/RiskSdk.dll", entries);
        Assert.Contains("lib/net10.0/RiskSdk.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/RiskSdk.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/RiskSdk.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/RiskSdk.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.True(File.Exists(Path.Combine(workspace.Feed, $"RiskSdk.{workspace.Version}.snupkg")), "no symbols package");

        using var nuspec = new StreamReader(package.GetEntry("RiskSdk.nuspec")!.Open());
        var dependencies = System.Xml.Linq.XDocument.Parse(nuspec.ReadToEnd()).Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string?)e.Attribute("id"))
            .Distinct()
            .ToList();
        Assert.Equal(new[] { "Microsoft.Extensions.Logging.Abstractions" }, dependencies);
    }

    [PackageFact]
    public void Every_compile_time_component_references_Roslyn_4_8_so_it_loads_in_the_dotnet_8_SDK_and_later()
    {
        using var package = ZipFile.OpenRead(Path.Combine(workspace.Feed, $"RiskSdk.{workspace.Version}.nupkg"));
        var components = package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(components);
        foreach (var component in components)
        {
            using var stream = new MemoryStream();
            using (var entry = component.Open())
            {
                entry.CopyTo(stream);
            }

            stream.Position = 0;
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
            var roslyn = metadata.AssemblyReferences
                .Select(handle => metadata.GetAssemblyReference(handle))
                .Where(reference => metadata.GetString(reference.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(reference => (Name: metadata.GetString(reference.Name), reference.Version))
                .ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, reference => Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{component.FullName} references {reference.Name} {reference.Version}"));
        }
    }

    [PackageFact]
    public void A_net10_app_builds_from_the_feed_runs_and_prints_its_decision()
    {
        var app = workspace.CreateApp("net10");

        var (exitCode, output) = DotNetCli.DotNet(app, "run", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Contains("decision: approved, 1 open on NSE, cap 2", output, StringComparison.Ordinal);
    }

    [PackageFact]
    public void An_unguarded_order_fails_the_build_with_RISK001_at_that_line()
    {
        var app = workspace.CreateApp("unguarded", extraSources: ("Unguarded.cs", UnguardedSource));

        var (exitCode, output) = DotNetCli.DotNet(app, "build", "-c", "Release");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Unguarded.cs(7,9): error RISK001", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.Contains("RISK001", StringComparison.Ordinal) && line.Contains("Program.cs", StringComparison.Ordinal)); // the guarded call passes
    }

    [PackageFact]
    public void With_the_older_Roslyn_4_14_compiler_the_generators_run_and_RISK001_fires()
    {
        var guarded = workspace.CreateApp("older-compiler", extraProperties: OlderCompilerProperties, extraItems: OlderCompilerItems);
        var unguarded = workspace.CreateApp("older-compiler-unguarded", extraProperties: OlderCompilerProperties, extraItems: OlderCompilerItems, extraSources: ("Unguarded.cs", UnguardedSource));

        var (guardedExit, guardedOutput) = DotNetCli.DotNet(guarded, "build", "-c", "Release", "-v:n");
        var (unguardedExit, unguardedOutput) = DotNetCli.DotNet(unguarded, "build", "-c", "Release");

        Assert.True(guardedExit == 0, guardedOutput); // the generated ConsumerSettings class exists, so the generator ran
        Assert.Contains("microsoft.net.compilers.toolset/4.14.0", guardedOutput, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(0, unguardedExit);
        Assert.Contains("Unguarded.cs(7,9): error RISK001", unguardedOutput, StringComparison.Ordinal);
    }

    [PackageFact]
    public void The_README_quick_start_builds_and_without_its_check_fails_with_RISK001()
    {
        var readme = File.ReadAllText(Path.Combine(ConsumerWorkspace.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var code = section[(section.IndexOf("```csharp", StringComparison.Ordinal) + "```csharp".Length)..];
        code = code[..code.IndexOf("```", StringComparison.Ordinal)];
        var checkLine = code.Split('\n').Single(line => line.StartsWith("if (!decision.IsApproved)", StringComparison.Ordinal));
        var guarded = workspace.CreateApp("readme", extraSources: ("Program.cs", code));
        var unguarded = workspace.CreateApp("readme-unguarded", extraSources: ("Program.cs", code.Replace(checkLine, string.Empty, StringComparison.Ordinal)));

        var (guardedExit, guardedOutput) = DotNetCli.DotNet(guarded, "build", "-c", "Release");
        var (unguardedExit, unguardedOutput) = DotNetCli.DotNet(unguarded, "build", "-c", "Release");

        Assert.True(guardedExit == 0, guardedOutput);
        Assert.NotEqual(0, unguardedExit);
        Assert.Contains("error RISK001", unguardedOutput, StringComparison.Ordinal);
    }

    [PackageFact]
    public void A_net8_app_builds_from_the_feed()
    {
        var app = workspace.CreateApp("net8", targetFramework: "net8.0");

        var (exitCode, output) = DotNetCli.DotNet(app, "build", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
    }

    [PackageFact]
    public void A_native_AOT_publish_has_no_warnings_and_the_binary_prints_the_same_decision()
    {
        var app = workspace.CreateApp("aot");

        var (exitCode, output) = DotNetCli.DotNet(app, "publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", Path.Combine(app, "native"));

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("warning IL", output, StringComparison.Ordinal);
        var (runExit, runOutput) = DotNetCli.Run(app, Path.Combine(app, "native", "Consumer"));
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("decision: approved, 1 open on NSE, cap 2", runOutput, StringComparison.Ordinal);
    }
}
