using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RiskSdk.Testing;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// The main job's own order placement is under RISK001: the replay sends an order (<c>PaperBroker.PlaceOrder</c>,
/// <c>[OrderPlacement]</c>) only where the executor's <c>[PositionLimitCheck]</c> decision was found approved. The
/// sample's real sources are analyzed as they are, then with the guard weakened.
/// </summary>
public sealed class SampleGuardTests
{
    private const string Guard = "if (!decision.IsApproved)";

    [Fact]
    public async Task The_replay_places_orders_only_behind_an_approved_check()
    {
        var (diagnostics, exceptions) = await DirectRun.AnalyzeAsync(SampleCompilation(replayEngine: null));

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("RISK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Testing_the_reason_instead_of_the_approval_fails_the_sample_with_RISK001()
    {
        var engine = File.ReadAllText(SamplePath("Replay", "ReplayEngine.cs"));
        Assert.Contains(Guard, engine, StringComparison.Ordinal);

        var weakened = engine.Replace(Guard, "if (decision.Reason != RejectionReason.None)", StringComparison.Ordinal);
        var (diagnostics, exceptions) = await DirectRun.AnalyzeAsync(SampleCompilation(weakened));

        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("RISK", StringComparison.Ordinal));
        Assert.Equal("RISK001", diagnostic.Id);
        Assert.EndsWith("ReplayEngine.cs", diagnostic.Location.SourceTree!.FilePath, StringComparison.Ordinal);
        Assert.Contains("PaperBroker.PlaceOrder", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string SamplePath(params string[] parts) => Path.Combine(new[] { RepositoryRoot.Path, "samples", "OiTracker" }.Concat(parts).ToArray());

    /// <summary>
    /// Every source file of the sample (its generated members are missing, so the compilation has errors elsewhere;
    /// the analyzer runs on what binds), with <c>ReplayEngine.cs</c> replaced when <paramref name="replayEngine"/> is given.
    /// </summary>
    private static CSharpCompilation SampleCompilation(string? replayEngine)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var root = SamplePath();
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(
                replayEngine is not null && Path.GetFileName(path) == "ReplayEngine.cs" ? replayEngine : File.ReadAllText(path),
                parseOptions,
                path))
            .ToList();
        Assert.Contains(trees, t => t.FilePath.EndsWith("ReplayEngine.cs", StringComparison.Ordinal));
        return CSharpCompilation.Create(
            "OiTracker",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }
}
