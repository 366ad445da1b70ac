using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RiskSdk.Analyzers.Tests.Bot;

/// <summary>
/// The small bot analysed both ways: the correct code gives no diagnostic, each seeded bug exactly one. (A check
/// whose <c>ApprovedWhen</c> names no member gives RISK006 and, since it then guards nothing, RISK001 at the order
/// after it: that pair is pinned in <see cref="ApprovalTests"/>.)
/// </summary>
public sealed class SmallBotTests
{
    [Fact]
    public async Task The_correct_bot_gives_no_diagnostic()
    {
        var (diagnostics, exceptions) = await Analyze(SmallBot.Sources);

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    public static TheoryData<string, string, string, string> Bugs() => new()
    {
        // file, correct text, seeded bug, the one diagnostic expected
        { nameof(SmallBot.Handler), "if (!permit.IsAllowed)", "if (permit.IsAllowed)", "RISK001" },
        { nameof(SmallBot.Handler), "if (!permit.IsAllowed)", "if (permit.Reason.Length > 0)", "RISK001" },
        { nameof(SmallBot.Exits), "reduceOnly: true", "reduceOnly: false", "RISK001" },
        {
            nameof(SmallBot.Handler),
            "var permit = desk.CanOpen(command.Request.Exchange);\n        if (!permit.IsAllowed)\n        {\n            return false;\n        }\n",
            "",
            "RISK001"
        },
        {
            nameof(SmallBot.Handler),
            "    public async Task<bool> Handle(",
            "    [RiskSdk.OrderPlacement]\n    public async Task<bool> Handle(",
            "RISK005"
        },
        { nameof(SmallBot.Exits), ", reduceOnly: true)", ")", "RISK001" },
        {
            nameof(SmallBot.Handler),
            "return true;",
            "_ = Task.Run(() => broker.PlaceOrderAsync(command.Request with { Lots = 1 }));\n        return true;",
            "RISK001"
        },
    };

    [Theory]
    [MemberData(nameof(Bugs))]
    public async Task Each_seeded_bug_gives_exactly_one_diagnostic(string file, string correct, string bug, string expected)
    {
        var sources = new[] { nameof(SmallBot.Broker), nameof(SmallBot.RiskDesk), nameof(SmallBot.Handler), nameof(SmallBot.Exits) }
            .Zip(SmallBot.Sources, (name, source) => name == file ? Seed(source, correct, bug) : source)
            .ToArray();

        var (diagnostics, exceptions) = await Analyze(sources);

        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(expected, diagnostic.Id);
    }

    private static string Seed(string source, string correct, string bug)
    {
        var normalized = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(correct, normalized, StringComparison.Ordinal);
        return normalized.Replace(correct, bug, StringComparison.Ordinal);
    }

    /// <summary>The bot's own compilation (no test prelude), with the mediator and Polly stand-ins referenced.</summary>
    private static async Task<(System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, System.Collections.Generic.List<string> Exceptions)> Analyze(string[] sources)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "SmallBot",
            sources.Select((source, i) => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, new(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), $"/bot/File{i}.cs")),
            TestReferences.All.Append(TestLibraries.Dispatch),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await DirectRun.AnalyzeAsync(compilation);
    }
}
