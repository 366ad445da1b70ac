using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RiskSdk.CodeFixes;

/// <summary>The method, local function, lambda or accessor a node sits in, and how a guard leaves it.</summary>
internal sealed class EnclosingFunction
{
    private EnclosingFunction(SyntaxNode? syntax, IMethodSymbol? symbol)
    {
        Syntax = syntax;
        Symbol = symbol;
    }

    /// <summary>The declaring syntax; null for top-level statements.</summary>
    public SyntaxNode? Syntax { get; }

    public IMethodSymbol? Symbol { get; }

    /// <summary>True when a bare <c>return;</c> leaves it: void, or an async method returning a plain Task/ValueTask.</summary>
    public bool ReturnsNothing => Symbol is null || Symbol.ReturnsVoid || (Symbol.IsAsync && Symbol.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" });

    public bool IsAsync => Symbol?.IsAsync ?? false;

    public static EnclosingFunction Of(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return new EnclosingFunction(lambda, model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol);
                case LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return new EnclosingFunction(current, model.GetDeclaredSymbol(current, cancellationToken) as IMethodSymbol);
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow:
                    return new EnclosingFunction(arrow.Parent, (model.GetDeclaredSymbol(arrow.Parent!, cancellationToken) as IPropertySymbol)?.GetMethod);
            }
        }

        return new EnclosingFunction(null, null);
    }
}
