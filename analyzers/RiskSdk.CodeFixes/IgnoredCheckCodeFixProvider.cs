using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RiskSdk.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RiskSdk.CodeFixes;

/// <summary>
/// Fixes RISK002 by turning the ignored check into a guard: <c>check();</c> and <c>_ = check();</c> become
/// <c>if (!check()) return;</c> (a throw where the function returns a value), and <c>var ok = check();</c> is
/// followed by <c>if (!ok) return;</c>. Embedded statements become blocks.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IgnoredCheckCodeFixProvider))]
[Shared]
public sealed class IgnoredCheckCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Return unless the check approves".</summary>
    public const string GuardKey = "RISK002.GuardIgnoredCheck";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RiskDiagnostics.IgnoredCheckId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                && Fix(root, model, invocation, context.Document.Project.AnalyzerOptions.AdditionalFiles, context.CancellationToken) is { } fixedRoot)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create("Return unless the position-limit check approves", _ => Task.FromResult(document.WithSyntaxRoot(fixedRoot)), GuardKey),
                    diagnostic);
            }
        }
    }

    private static SyntaxNode? Fix(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocation, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var shape = RiskSymbols.Create(model.Compilation, additionalFiles, cancellationToken).ShapeOf(method);
        if (shape.Kind == CheckResultKind.Undetermined)
        {
            return null;
        }

        var function = EnclosingFunction.Of(invocation, model, cancellationToken);
        ExpressionSyntax value = invocation.Parent is AwaitExpressionSyntax awaited ? awaited : invocation;
        var awaitedInSource = value is AwaitExpressionSyntax;
        if (shape.IsAsync && !awaitedInSource && !function.IsAsync)
        {
            return null;
        }

        var result = shape.IsAsync && !awaitedInSource ? AwaitExpression(invocation.WithoutTrivia()) : value.WithoutTrivia();
        switch (value.Parent)
        {
            case ExpressionStatementSyntax statement:
                return StatementEditor.Replace(root, statement, [GuardSyntax.For(result, shape, function)]);
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax statement }:
                return StatementEditor.Replace(root, statement, [GuardSyntax.For(result, shape, function)]);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is LocalDeclarationStatementSyntax declaration
                && (awaitedInSource || !shape.IsAsync) && shape.Kind != CheckResultKind.Assert:
                return StatementEditor.InsertAfter(root, declaration, GuardSyntax.For(IdentifierName(declarator.Identifier.ValueText), shape, function));
            default:
                return null;
        }
    }
}
