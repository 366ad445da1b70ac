using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RiskSdk.Analyzers;

namespace RiskSdk.CodeFixes;

/// <summary>
/// Where "Mark [OrderPlacement]" puts the attribute for an unguarded order: on the member callers use. A method that
/// implements an interface member or overrides a method declared in the solution is called through that member, so
/// the mark goes there. No target when the obligation would reach no caller (an entry point, a controller action, a
/// method reached only through a library's dispatch): the check must go inside instead.
/// </summary>
internal sealed class MarkTarget
{
    private MarkTarget(IMethodSymbol method, SyntaxNode declaration, bool isCallerFacingMember)
    {
        Method = method;
        Declaration = declaration;
        IsCallerFacingMember = isCallerFacingMember;
    }

    /// <summary>The method that gets the attribute.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>Its declaration (a method or a local function).</summary>
    public SyntaxNode Declaration { get; }

    /// <summary>True when the mark goes on an interface member or base method rather than on the containing method.</summary>
    public bool IsCallerFacingMember { get; }

    public string Title => IsCallerFacingMember
        ? $"Mark '{PlacementBlock.DisplayName(Method)}' [OrderPlacement] (the member callers use)"
        : "Mark the containing method [OrderPlacement]";

    /// <summary>The outermost method or local function around <paramref name="node"/> (a lambda's placement marks its method).</summary>
    public static SyntaxNode? ContainingDeclaration(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LocalFunctionStatementSyntax or MethodDeclarationSyntax:
                    return current;
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    return null;
            }
        }

        return null;
    }

    public static MarkTarget? For(SyntaxNode node, SemanticModel model, RiskSymbols symbols, CancellationToken cancellationToken)
    {
        if (ContainingDeclaration(node) is not { } declaration
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method
            || DispatchEntry.Of(method, symbols) is not null)
        {
            return null;
        }

        var callerFacing = MarkedMethods.MarkSources(method.OriginalDefinition)
            .Where(source => !SymbolEqualityComparer.Default.Equals(source, method.OriginalDefinition))
            .OrderBy(source => source.ContainingType?.TypeKind == TypeKind.Interface ? 0 : 1)
            .FirstOrDefault();
        if (callerFacing is null)
        {
            return new MarkTarget(method, declaration, isCallerFacingMember: false);
        }

        return callerFacing.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax member
            ? new MarkTarget(callerFacing, member, isCallerFacingMember: true)
            : null;
    }

    /// <summary>True when Fix All may mark it: a non-public wrapper whose callers, inside this project, then carry the obligation.</summary>
    public bool IsNonPublicWrapper => !IsCallerFacingMember
        && Method.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal or Accessibility.NotApplicable;
}
