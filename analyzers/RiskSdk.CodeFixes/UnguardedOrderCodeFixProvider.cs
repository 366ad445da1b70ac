using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RiskSdk.Analyzers;

namespace RiskSdk.CodeFixes;

/// <summary>
/// Fixes RISK001: "Guard with &lt;check&gt;" (offered first) inserts <c>if (!check) return;</c> (or a throw) before the
/// order when exactly one accessible check fits with what is in scope; "Mark [OrderPlacement]" moves the obligation
/// to the callers, putting the mark on the member they call (the interface member the method implements), and is not
/// offered where no caller would carry it (see <see cref="DispatchEntry"/>). Fix All of the mark only marks non-public
/// wrappers, up to the first public method (see <see cref="MarkWrappersFixAllProvider"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnguardedOrderCodeFixProvider))]
[Shared]
public sealed class UnguardedOrderCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Mark the containing method [OrderPlacement]".</summary>
    public const string MarkOrderPlacementKey = "RISK001.MarkOrderPlacement";

    /// <summary>Prefix of the equivalence key of "Guard with &lt;check&gt;"; the check's display name follows.</summary>
    public const string GuardWithKeyPrefix = "RISK001.GuardWith.";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RiskDiagnostics.UnguardedOrderId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => MarkWrappersFixAllProvider.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var symbols = RiskSymbols.Create(model.Compilation, document.Project.AnalyzerOptions.AdditionalFiles, context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            // The guard comes first: a tool that applies the first fix (dotnet format) keeps the protection.
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var function = EnclosingFunction.Of(node, model, context.CancellationToken);
            // A call, or a write of a placement property or indexer ('desk[0] = order'); never a method group, whose delegate may run anywhere.
            if ((node is InvocationExpressionSyntax || model.GetSymbolInfo(node, context.CancellationToken).Symbol is IPropertySymbol) && Guarded(root, model, node, function, symbols, context.CancellationToken) is { } guarded)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Guard with {guarded.Check.Display}", _ => Task.FromResult(document.WithSyntaxRoot(guarded.Root)), GuardWithKeyPrefix + guarded.Check.Display),
                    diagnostic);
            }

            if (MarkTarget.For(node, model, symbols, context.CancellationToken) is { } target)
            {
                var solution = document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(target.Title, cancellationToken => Mark(solution, [target], cancellationToken), MarkOrderPlacementKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Adds <c>[OrderPlacement]</c> to each target, one edit per document.</summary>
    internal static async Task<Solution> Mark(Solution solution, System.Collections.Generic.IReadOnlyCollection<MarkTarget> targets, CancellationToken cancellationToken)
    {
        foreach (var group in System.Linq.Enumerable.GroupBy(targets, target => target.Declaration.SyntaxTree))
        {
            if (solution.GetDocument(group.Key) is not { } document || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var declarations = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(group, target => target.Declaration)));
            var marked = root.ReplaceNodes(declarations, (original, _) => StatementEditor.WithOrderPlacementAttribute(original));
            solution = solution.WithDocumentSyntaxRoot(document.Id, marked);
        }

        return solution;
    }

    private static (CheckCall Check, SyntaxNode Root)? Guarded(SyntaxNode root, SemanticModel model, SyntaxNode placement, EnclosingFunction function, RiskSymbols symbols, CancellationToken cancellationToken)
    {
        var fits = FittingChecks.At(model, placement.SpanStart, symbols, cancellationToken);
        if (fits.Count != 1)
        {
            return null;
        }

        var check = fits[0];
        var shape = symbols.ShapeOf(check.Method);
        if (shape.IsAsync && !function.IsAsync)
        {
            return null;
        }

        var guard = GuardSyntax.For(check.Expression(shape), shape, function);
        return StatementEditor.InsertGuardBefore(root, placement, guard, function) is { } newRoot ? (check, newRoot) : null;
    }
}
