using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// The Fix All that marks wrappers says what the new marks stand for: its title names the placements the marked
/// wrappers reach (through a chain of wrappers too), not only how many it marks.
/// </summary>
public sealed class FixAllTitleTests
{
    public static TheoryData<string, string?> Titles() => new()
    {
        {
            // A chain: Raw calls the placement, Send calls Raw; Run is public and keeps its RISK001.
            """
            public sealed class Desk(Broker broker)
            {
                public void Run(Order order) => Send(order);
                private void Send(Order order) => Raw(order);
                private void Raw(Order order) => broker.Place(order);
            }
            """,
            "Mark 2 non-public wrappers of Broker.Place [OrderPlacement], up to the first public method"
        },
        {
            // Wrappers of two placements, and one that reaches both.
            """
            public sealed class Desk(Broker broker)
            {
                private void Send(Order order) => broker.Place(order);
                private System.Threading.Tasks.Task SendAsync(Order order) => broker.PlaceAsync(order);
                internal void Both(Order order) { Send(order); _ = SendAsync(order); }
            }
            """,
            "Mark 3 non-public wrappers of Broker.Place, Broker.PlaceAsync [OrderPlacement], up to the first public method"
        },
        {
            """
            public sealed class Desk(Broker broker)
            {
                private void Send(Order order) => broker.Place(order);
            }
            """,
            "Mark 1 non-public wrapper of Broker.Place [OrderPlacement], up to the first public method"
        },
        {
            // Nothing non-public to mark: no Fix All.
            """
            public sealed class Desk(Broker broker)
            {
                public void Send(Order order) => broker.Place(order);
            }
            """,
            null
        },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task The_title_names_the_placements_the_marked_wrappers_reach(string source, string? expected) =>
        Assert.Equal(expected, await FixAllTitle(source));

    /// <summary>The title of the mark fix's Fix All over the whole document, or null when it offers nothing.</summary>
    private static async Task<string?> FixAllTitle(string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Desk", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(TestReferences.All);
        project = project.AddDocument("Prelude.cs", SourceText.From(Prelude.Source)).Project;
        var document = project.AddDocument("Desk.cs", SourceText.From(source));
        var provider = new UnguardedOrderCodeFixProvider();
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            UnguardedOrderCodeFixProvider.MarkOrderPlacementKey,
            [RiskDiagnostics.UnguardedOrderId],
            new Risk001(),
            CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        return action?.Title;
    }

    /// <summary>Hands Fix All the RISK001 diagnostics the analyzer reports in a document.</summary>
    private sealed class Risk001 : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await GetAllDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = (await project.GetCompilationAsync(cancellationToken))!;
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new OrderPlacementAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync(cancellationToken);
            return diagnostics.Where(d => d.Id == RiskDiagnostics.UnguardedOrderId);
        }
    }
}
