using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using RiskSdk.Analyzers;

namespace RiskSdk.CodeFixes;

/// <summary>
/// Fix All for RISK001. A guard is applied everywhere it fits, as a batch. The mark is never applied to a public
/// method in a batch (a batch tool such as <c>dotnet format</c> would otherwise move the obligation up to <c>Main</c>
/// and leave a clean build that places unchecked orders): it marks the non-public wrappers that hold an unguarded
/// order, then the non-public methods that call them, round after round, and stops at the first public method, an
/// entry point or a framework-dispatched method, where RISK001 stays. A chain of private wrappers takes one step. Its
/// title names the placements the marked wrappers reach, so the batch says what the new marks stand for.
/// </summary>
internal sealed class MarkWrappersFixAllProvider : FixAllProvider
{
    public static readonly MarkWrappersFixAllProvider Instance = new();

    /// <summary>How many wrapper levels one Fix All climbs at most.</summary>
    private const int MaxRounds = 16;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey != UnguardedOrderCodeFixProvider.MarkOrderPlacementKey)
        {
            return await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
        }

        var (solution, marked, reached) = await MarkWrappers(fixAllContext, fixAllContext.CancellationToken).ConfigureAwait(false);
        return marked == 0
            ? null
            : CodeAction.Create(Title(marked, reached), _ => Task.FromResult(solution), UnguardedOrderCodeFixProvider.MarkOrderPlacementKey);
    }

    /// <summary>"Mark 3 non-public wrappers of Broker.Place [OrderPlacement], up to the first public method".</summary>
    internal static string Title(int marked, IReadOnlyCollection<string> reached)
    {
        var names = reached.OrderBy(name => name, System.StringComparer.Ordinal).ToList();
        var of = names.Count switch
        {
            0 => string.Empty,
            <= 3 => " of " + string.Join(", ", names),
            _ => $" of {string.Join(", ", names.Take(3))} and {names.Count - 3} more",
        };
        return $"Mark {marked} non-public wrapper{(marked == 1 ? string.Empty : "s")}{of} [OrderPlacement], up to the first public method";
    }

    private static async Task<(Solution Solution, int Marked, IReadOnlyCollection<string> Reached)> MarkWrappers(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var projects = context.Scope == FixAllScope.Solution ? solution.Projects.Select(p => p.Id).ToList() : [context.Project.Id];
        var diagnostics = await InitialDiagnostics(context).ConfigureAwait(false);
        var markedIds = new HashSet<string>();

        // The placement each marked wrapper stands for: the one its unguarded call names, or the one the wrapper it
        // calls stands for.
        var reachedBy = new Dictionary<string, string>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var targets = new List<MarkTarget>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree is { } tree && solution.GetDocument(tree) is { } document
                    && await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model
                    && await tree.GetRootAsync(cancellationToken).ConfigureAwait(false) is { } root)
                {
                    var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    var symbols = RiskSymbols.Create(model.Compilation, document.Project.AnalyzerOptions.AdditionalFiles, cancellationToken);
                    if (MarkTarget.For(node, model, symbols, cancellationToken) is { IsNonPublicWrapper: true } target
                        && DocumentationCommentId.CreateDeclarationId(target.Method) is { } id
                        && markedIds.Add(id))
                    {
                        targets.Add(target);
                        if (Called(model, node, cancellationToken) is { } called)
                        {
                            reachedBy[id] = DocumentationCommentId.CreateDeclarationId(called.OriginalDefinition) is { } calledId && reachedBy.TryGetValue(calledId, out var underlying)
                                ? underlying
                                : PlacementBlock.DisplayName(called);
                        }
                    }
                }
            }

            if (targets.Count == 0)
            {
                break;
            }

            var newlyMarked = targets.Select(t => DocumentationCommentId.CreateDeclarationId(t.Method)).ToImmutableHashSet();
            solution = await UnguardedOrderCodeFixProvider.Mark(solution, targets, cancellationToken).ConfigureAwait(false);
            diagnostics = await CallsTo(solution, projects, newlyMarked, cancellationToken).ConfigureAwait(false);
        }

        return (solution, markedIds.Count, new HashSet<string>(reachedBy.Values));
    }

    /// <summary>The method a reported call names (a call that does not bind: its first candidate).</summary>
    private static IMethodSymbol? Called(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(node, cancellationToken);
        return info.Symbol as IMethodSymbol ?? info.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
    }

    private static async Task<List<Diagnostic>> InitialDiagnostics(FixAllContext context)
    {
        var all = new List<Diagnostic>();
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is { } document:
                all.AddRange(await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (var project in context.Solution.Projects)
                {
                    all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
            default:
                all.AddRange(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false));
                break;
        }

        return all.Where(d => d.Id == RiskDiagnostics.UnguardedOrderId).ToList();
    }

    /// <summary>The RISK001 diagnostics, after a round of marks, at calls to the methods that round marked.</summary>
    private static async Task<List<Diagnostic>> CallsTo(Solution solution, List<ProjectId> projects, ImmutableHashSet<string> marked, CancellationToken cancellationToken)
    {
        var found = new List<Diagnostic>();
        foreach (var projectId in projects)
        {
            if (solution.GetProject(projectId) is not { } project || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                continue;
            }

            var analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new OrderPlacementAnalyzer()), project.AnalyzerOptions);
            foreach (var diagnostic in await analysis.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (diagnostic.Id == RiskDiagnostics.UnguardedOrderId && diagnostic.Location.SourceTree is { } tree)
                {
                    var model = compilation.GetSemanticModel(tree);
                    var node = (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol called
                        && marked.Contains(DocumentationCommentId.CreateDeclarationId(called.OriginalDefinition)))
                    {
                        found.Add(diagnostic);
                    }
                }
            }
        }

        return found;
    }
}
