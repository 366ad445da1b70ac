using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RiskSdk.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RiskSdk.CodeFixes;

/// <summary>
/// Finds the position-limit checks that can be called at a position with what is in scope: a check method on a
/// local, parameter, field or property (or on <c>this</c>), accessible there, whose every parameter is bound to
/// exactly one in-scope value of its type (<c>out _</c> for out parameters, optional ones left out).
/// </summary>
internal static class FittingChecks
{
    public static List<CheckCall> At(SemanticModel model, int position, RiskSymbols symbols, CancellationToken cancellationToken)
    {
        var values = InScopeValues(model, position);
        var calls = new List<CheckCall>();
        var seen = new HashSet<(ISymbol?, IMethodSymbol)>();
        foreach (var receiver in values.Select(v => ((ISymbol?)v, ValueType(v))).Append((null, model.GetEnclosingSymbol(position, cancellationToken)?.ContainingType)))
        {
            if (receiver.Item2 is not { } type)
            {
                continue;
            }

            foreach (var method in MethodsOf(type))
            {
                if (!method.IsGenericMethod
                    && (receiver.Item1 is null || !method.IsStatic)
                    && symbols.IsCheck(method)
                    && symbols.ShapeOf(method).Kind != CheckResultKind.Undetermined
                    && model.IsAccessible(position, method)
                    && seen.Add((receiver.Item1, method))
                    && Arguments(method, values, receiver.Item1) is { } arguments)
                {
                    calls.Add(new CheckCall(receiver.Item1, method, arguments));
                }
            }
        }

        return calls;
    }

    private static List<ISymbol> InScopeValues(SemanticModel model, int position)
    {
        var isStatic = model.GetEnclosingSymbol(position) is { } enclosing && StaticContext(enclosing);
        return model.LookupSymbols(position).Where(symbol => symbol switch
        {
            ILocalSymbol local => local.DeclaringSyntaxReferences.All(reference => reference.Span.End <= position),
            IParameterSymbol => true,
            IFieldSymbol field => !field.IsImplicitlyDeclared && (field.IsStatic || !isStatic),
            IPropertySymbol property => !property.IsIndexer && (property.IsStatic || !isStatic),
            _ => false,
        }).ToList();
    }

    private static bool StaticContext(ISymbol symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested && !nested.IsStatic)
        {
            symbol = nested.ContainingSymbol;
        }

        return symbol.IsStatic;
    }

    private static ITypeSymbol? ValueType(ISymbol value) => value switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static IEnumerable<IMethodSymbol> MethodsOf(ITypeSymbol type)
    {
        var types = new List<ITypeSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            types.Add(current);
        }

        // An interface member the type implements is the same check as the implementation: offer it once.
        types.AddRange(type.AllInterfaces);
        return types.SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary
            && !(m.ContainingType.TypeKind == TypeKind.Interface && type.TypeKind != TypeKind.Interface && type.FindImplementationForInterfaceMember(m) is not null));
    }

    private static List<ArgumentSyntax>? Arguments(IMethodSymbol method, List<ISymbol> values, ISymbol? receiver)
    {
        var arguments = new List<ArgumentSyntax>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out)
            {
                arguments.Add(Argument(IdentifierName("_")).WithRefKindKeyword(Token(SyntaxKind.OutKeyword)));
                continue;
            }

            var matches = parameter.RefKind == RefKind.Ref
                ? []
                : values.Where(v => !SymbolEqualityComparer.Default.Equals(v, receiver) && SymbolEqualityComparer.Default.Equals(ValueType(v), parameter.Type)).ToList();
            if (matches.Count == 1)
            {
                var argument = Argument(IdentifierName(matches[0].Name));
                arguments.Add(parameter.RefKind == RefKind.In ? argument.WithRefKindKeyword(Token(SyntaxKind.InKeyword)) : argument);
            }
            else if (parameter.IsOptional)
            {
                break;
            }
            else
            {
                return null;
            }
        }

        return arguments;
    }
}
