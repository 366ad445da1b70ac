using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using RiskSdk.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RiskSdk.CodeFixes;

/// <summary>Builds the guard statements the fixes insert: <c>if (!approved) return;</c> (or throw), or an assert-style call.</summary>
internal static class GuardSyntax
{
    private const string RejectedMessage = "The position-limit check did not approve this order.";

    /// <summary>
    /// The guard for a check result: <c>if (!result) exit</c> for a bool, <c>if (!result.IsApproved) exit</c> for a
    /// decision, the call itself for an assert-style check. <paramref name="result"/> is already awaited where needed.
    /// </summary>
    public static StatementSyntax For(ExpressionSyntax result, CheckShape shape, EnclosingFunction function)
    {
        if (shape.Kind == CheckResultKind.Assert)
        {
            return Annotate(ExpressionStatement(result));
        }

        var member = shape.Member?.TrimStart('!');
        var approvedWhenFalse = shape.ApprovedWhenFalse || shape.Member?.StartsWith("!", System.StringComparison.Ordinal) == true;
        var tested = shape.Kind == CheckResultKind.Decision
            ? MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Operand(result, allowAwait: false), IdentifierName(member!))
            : result;
        ExpressionSyntax refused = shape.IsNullable
            ? BinaryExpression(SyntaxKind.NotEqualsExpression, Operand(tested, allowAwait: true), LiteralExpression(approvedWhenFalse ? SyntaxKind.FalseLiteralExpression : SyntaxKind.TrueLiteralExpression))
            : shape.Kind == CheckResultKind.Count
            ? BinaryExpression(SyntaxKind.LessThanOrEqualExpression, Operand(tested, allowAwait: true), LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(0)))
            : approvedWhenFalse ? tested : PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Operand(tested, allowAwait: true));
        return Annotate(IfStatement(refused, Block(Exit(function))));
    }

    /// <summary><c>return;</c> where the function returns nothing, otherwise a throw.</summary>
    public static StatementSyntax Exit(EnclosingFunction function) => function.ReturnsNothing
        ? ReturnStatement()
        : ThrowStatement(ObjectCreationExpression(
                ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
            .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(RejectedMessage)))))));

    public static T Annotate<T>(T node)
        where T : SyntaxNode => node.WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>Parenthesizes what would not bind as a whole: <c>!await x</c> reads fine, <c>(await x).IsApproved</c> needs the parentheses.</summary>
    private static ExpressionSyntax Operand(ExpressionSyntax expression, bool allowAwait) =>
        expression is InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or ParenthesizedExpressionSyntax
            || (allowAwait && expression is AwaitExpressionSyntax)
            ? expression
            : ParenthesizedExpression(expression);
}
