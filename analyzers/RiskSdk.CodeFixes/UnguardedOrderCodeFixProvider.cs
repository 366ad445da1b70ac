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
/// Fixes RISK001: "Mark the containing method [OrderPlacement]" moves the obligation to the callers; "Guard with
/// &lt;check&gt;" inserts <c>if (!check) return;</c> (or a throw) before the order when exactly one accessible check
/// fits with what is in scope. When nothing fits, no guard is offered.
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
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var function = EnclosingFunction.Of(node, model, context.CancellationToken);
            if (StatementEditor.CanCarryAttribute(function.Syntax))
            {
                var marked = StatementEditor.AddOrderPlacementAttribute(root, function.Syntax!);
                context.RegisterCodeFix(
                    CodeAction.Create("Mark the containing method [OrderPlacement]", _ => Task.FromResult(document.WithSyntaxRoot(marked)), MarkOrderPlacementKey),
                    diagnostic);
            }

            if (node is InvocationExpressionSyntax && Guarded(root, model, node, function, document.Project.AnalyzerOptions, context.CancellationToken) is { } guarded)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Guard with {guarded.Check.Display}", _ => Task.FromResult(document.WithSyntaxRoot(guarded.Root)), GuardWithKeyPrefix + guarded.Check.Display),
                    diagnostic);
            }
        }
    }

    private static (CheckCall Check, SyntaxNode Root)? Guarded(SyntaxNode root, SemanticModel model, SyntaxNode placement, EnclosingFunction function, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var symbols = RiskSymbols.Create(model.Compilation, options.AdditionalFiles, cancellationToken);
        var fits = FittingChecks.At(model, placement.SpanStart, symbols, cancellationToken);
        if (fits.Count != 1)
        {
            return null;
        }

        var check = fits[0];
        var shape = CheckShape.Of(check.Method);
        if (shape.IsAsync && !function.IsAsync)
        {
            return null;
        }

        var guard = GuardSyntax.For(check.Expression(), shape.Kind, function);
        return StatementEditor.InsertGuardBefore(root, placement, guard, function) is { } newRoot ? (check, newRoot) : null;
    }
}
