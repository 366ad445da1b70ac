using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RiskSdk.CodeFixes;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>"Treat X.M as an order placement / a position-limit check" writes the ID line nobody types by hand.</summary>
public sealed class ListInSymbolsFileTests
{
    private const string Source = """
        using System;

        namespace KiteConnect
        {
            public interface IKite { string PlaceOrder(string exchange, decimal? price, int quantity); }
            public sealed class Kite : IKite
            {
                public string PlaceOrder(string exchange, decimal? price, int quantity) => "";
                public sealed class Margins { public bool CanTrade => true; }
            }
        }

        public sealed class Bot
        {
            public void Run(KiteConnect.Kite kite, KiteConnect.Kite.Margins margins)
            {
                if (margins.CanTrade) kite./*place*/PlaceOrder("NSE", null, 1);
            }
        }
        """;

    [Fact]
    public async Task Placement_line_is_written_into_a_new_file_next_to_the_project()
    {
        var (project, actions) = await Refactorings("/*place*/PlaceOrder", existing: null);

        Assert.Contains(actions, a => a.Title == "Treat 'Kite.PlaceOrder' as an order placement");
        Assert.Contains(actions, a => a.Title == "Treat 'IKite.PlaceOrder' as an order placement (the interface member: every implementation)");
        var file = await Apply(project, actions.Single(a => a.Title == "Treat 'Kite.PlaceOrder' as an order placement"), "RiskSdk.OrderPlacement.txt");

        Assert.Equal("/work/app/RiskSdk.OrderPlacement.txt", file.FilePath);
        Assert.EndsWith("\nM:KiteConnect.Kite.PlaceOrder(System.String,System.Nullable{System.Decimal},System.Int32)\n", (await file.GetTextAsync()).ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_line_is_appended_to_the_existing_file_with_a_property_id()
    {
        var (project, actions) = await Refactorings("margins.CanTrade", existing: "M:Other.Check(System.Int32)");

        Assert.DoesNotContain(actions, a => a.Title.Contains("order placement", System.StringComparison.Ordinal));
        var file = await Apply(project, actions.Single(a => a.Title == "Treat 'Margins.CanTrade' as a position-limit check"), "RiskSdk.PositionChecks.txt");

        Assert.Equal("M:Other.Check(System.Int32)\nP:KiteConnect.Kite.Margins.CanTrade\n", (await file.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task A_written_line_makes_the_call_a_placement()
    {
        var (project, actions) = await Refactorings("/*place*/PlaceOrder", existing: null);
        var solution = await Solution(actions.Single(a => a.Title == "Treat 'Kite.PlaceOrder' as an order placement"));
        var changed = solution.GetProject(project.Id)!;
        var line = (await changed.AdditionalDocuments.Single().GetTextAsync()).ToString();
        var compilation = (await changed.GetCompilationAsync())!;

        var (diagnostics, _) = await DirectRun.AnalyzeAsync(compilation, [new TextFile("/work/app/RiskSdk.OrderPlacement.txt", line)]);

        Assert.Single(diagnostics, d => d.Id == RiskDiagnostics.UnguardedOrderId);
    }

    private static async Task<(Project Project, List<CodeAction> Actions)> Refactorings(string at, string? existing)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "App", "App", LanguageNames.CSharp,
            filePath: "/work/app/App.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: TestReferences.All));
        var document = project.AddDocument("Bot.cs", Source, filePath: "/work/app/Bot.cs");
        project = document.Project;
        if (existing is not null)
        {
            project = project.AddAdditionalDocument("RiskSdk.PositionChecks.txt", existing, filePath: "/work/app/RiskSdk.PositionChecks.txt").Project;
            document = project.GetDocument(document.Id)!;
        }

        var actions = new List<CodeAction>();
        var context = new CodeRefactoringContext(document, new TextSpan(Source.IndexOf(at, System.StringComparison.Ordinal) + at.Length - 2, 0), actions.Add, CancellationToken.None);
        await new ListInSymbolsFileRefactoring().ComputeRefactoringsAsync(context);
        return (project, actions);
    }

    private static async Task<Solution> Solution(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private static async Task<TextDocument> Apply(Project project, CodeAction action, string fileName)
    {
        var solution = await Solution(action);
        return solution.GetProject(project.Id)!.AdditionalDocuments.Single(d => d.Name == fileName);
    }

    private sealed class TextFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
