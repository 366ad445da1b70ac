using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// The analyzer runs as the user types: every prefix of every guard-shape test source, cut at each token boundary,
/// must analyse without an analyzer exception (AD0001).
/// </summary>
public sealed class PrefixRobustnessTests
{
    /// <summary>The sources are split in a few groups so xunit can report them separately.</summary>
    public static TheoryData<int> Groups() => new(Enumerable.Range(0, GroupCount));

    private const int GroupCount = 4;

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Every_prefix_analyses_without_an_analyzer_exception(int group)
    {
        var prefixes = DistinctPrefixes();
        for (var i = group; i < prefixes.Count; i += GroupCount)
        {
            var (diagnostics, exceptions) = await DirectRun.AnalyzeAsync(DirectRun.Compile(prefixes[i]));
            Assert.True(exceptions.Count == 0, $"this prefix threw:\n{string.Join("\n", exceptions)}\n---\n{prefixes[i]}");
            Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        }
    }

    /// <summary>Every prefix cut at a token boundary; the wrapper shared by the sources is analysed once.</summary>
    private static List<string> DistinctPrefixes()
    {
        var prefixes = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var source in GuardShapeTests.AllSources().Select(StripMarkup))
        {
            prefixes.Add(source);
            foreach (var token in CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens())
            {
                prefixes.Add(source[..token.SpanStart]);
            }
        }

        return prefixes.ToList();
    }

    private static string StripMarkup(string source) => source.Replace("{|#0:", string.Empty, System.StringComparison.Ordinal).Replace("|}", string.Empty, System.StringComparison.Ordinal);
}
