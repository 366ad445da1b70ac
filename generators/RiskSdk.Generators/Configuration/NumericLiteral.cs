using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RiskSdk.Generators.Configuration;

/// <summary>
/// Reads a numeric literal, or a negated one, straight from its token: the same constant the compiler folds for it,
/// without binding the initializer. The parser runs again for every settings class on every compilation (after any
/// edit anywhere), and a default is almost always a literal, so this keeps the semantic model out of the common case.
/// </summary>
internal static class NumericLiteral
{
    /// <summary>
    /// True when <paramref name="expression"/> is <c>5</c>, <c>0.5</c>, <c>-5</c>, <c>-0.5m</c> and the like;
    /// <paramref name="value"/> is then exactly what <c>SemanticModel.GetConstantValue</c> returns for it. Negations
    /// the compiler folds to another type (<c>-2147483648</c>, <c>-5u</c>) answer false: ask the semantic model.
    /// </summary>
    public static bool TryRead(ExpressionSyntax expression, out object? value)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                value = literal.Token.Value;
                return value is not null;
            case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.UnaryMinusExpression)
                && negation.Operand is LiteralExpressionSyntax operand && operand.IsKind(SyntaxKind.NumericLiteralExpression):
                value = Negate(operand.Token.Value);
                return value is not null;
            default:
                value = null;
                return false;
        }
    }

    private static object? Negate(object? value) => value switch
    {
        int number => -number,
        long number => -number,
        double number => -number,
        float number => -number,
        decimal number => -number,
        _ => null,
    };
}
