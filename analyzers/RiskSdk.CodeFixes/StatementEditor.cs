using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RiskSdk.CodeFixes;

/// <summary>
/// Puts statements around an existing one, turning an embedded statement (<c>if (x) a();</c>) into a block, and an
/// expression body (<c>=&gt; a()</c>) into a block body, where a second statement needs room.
/// </summary>
internal static class StatementEditor
{
    /// <summary>The statement <paramref name="node"/> belongs to in its own function, or null inside an expression body.</summary>
    public static StatementSyntax? ContainingStatement(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case StatementSyntax statement:
                    return statement;
                case AnonymousFunctionExpressionSyntax or ArrowExpressionClauseSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Replaces <paramref name="statement"/> with <paramref name="replacement"/> (which may contain it).</summary>
    public static SyntaxNode Replace(SyntaxNode root, StatementSyntax statement, IReadOnlyList<StatementSyntax> replacement)
    {
        var first = replacement[0];
        if (first != statement)
        {
            // The new first statement takes the old one's comments; the old one keeps its indentation.
            var indentation = Indentation(statement.GetLeadingTrivia());
            replacement = [first.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(ElasticLineFeed), .. replacement.Skip(1).Select(s => s == statement ? s.WithLeadingTrivia(indentation) : s)];
        }

        return statement.Parent switch
        {
            BlockSyntax or SwitchSectionSyntax => root.ReplaceNode(statement, replacement),
            GlobalStatementSyntax global => root.ReplaceNode(global, replacement.Select(GlobalStatement)),
            _ => root.ReplaceNode(statement, GuardSyntax.Annotate(Block(replacement))),
        };
    }

    /// <summary>
    /// Turns the expression body that holds <paramref name="node"/> into a block whose first statement is
    /// <paramref name="guard"/>; null when <paramref name="node"/> is not in an expression body.
    /// </summary>
    public static SyntaxNode? GuardExpressionBody(SyntaxNode root, SyntaxNode node, StatementSyntax guard, EnclosingFunction function)
    {
        BlockSyntax Body(ExpressionSyntax expression) => GuardSyntax.Annotate(Block(
            guard,
            function.ReturnsNothing ? ExpressionStatement(expression) : ReturnStatement(expression)));

        switch (function.Syntax)
        {
            case AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } lambda when body.Span.Contains(node.Span):
                return root.ReplaceNode(lambda, lambda.WithExpressionBody(null).WithBlock(Body(body)));
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                return root.ReplaceNode(method, method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(Body(arrow.Expression)));
            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } local:
                return root.ReplaceNode(local, local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(Body(arrow.Expression)));
            case ConstructorDeclarationSyntax { ExpressionBody: { } arrow } constructor:
                return root.ReplaceNode(constructor, constructor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(Body(arrow.Expression)));
            default:
                return null;
        }
    }

    /// <summary>Inserts <paramref name="inserted"/> right after <paramref name="statement"/>, at its indentation.</summary>
    public static SyntaxNode InsertAfter(SyntaxNode root, StatementSyntax statement, StatementSyntax inserted) =>
        Replace(root, statement, [statement, inserted.WithLeadingTrivia(Indentation(statement.GetLeadingTrivia())).WithTrailingTrivia(ElasticLineFeed)]);

    /// <summary>Inserts <paramref name="guard"/> right before the statement of <paramref name="node"/>, or at the top of its expression body.</summary>
    public static SyntaxNode? InsertGuardBefore(SyntaxNode root, SyntaxNode node, StatementSyntax guard, EnclosingFunction function) =>
        ContainingStatement(node) is { } statement
            ? Replace(root, statement, [guard, statement])
            : GuardExpressionBody(root, node, guard, function);

    /// <summary>The method or local function with <c>[OrderPlacement]</c> added.</summary>
    public static SyntaxNode WithOrderPlacementAttribute(SyntaxNode function)
    {
        var leading = function.GetLeadingTrivia();
        var attribute = AttributeList(SingletonSeparatedList(Attribute(ParseName("global::RiskSdk.OrderPlacement")
                .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(ElasticLineFeed);
        var indented = function.WithLeadingTrivia(Indentation(leading));
        return indented switch
        {
            MethodDeclarationSyntax method => method.AddAttributeLists(attribute),
            LocalFunctionStatementSyntax local => local.AddAttributeLists(attribute),
            _ => function,
        };
    }

    /// <summary>The white space that ends a leading trivia list: the indentation of the line.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading) =>
        leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? TriviaList(leading[leading.Count - 1]) : TriviaList();
}
