using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>
/// Methods that carry one RiskSdk attribute or are listed in its symbols file, directly or through the methods they
/// override or the interface members they implement. Answers are cached per compilation.
/// </summary>
internal sealed class MarkedMethods
{
    private readonly INamedTypeSymbol? _attribute;
    private readonly HashSet<IMethodSymbol> _listed;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    public MarkedMethods(INamedTypeSymbol? attribute, HashSet<IMethodSymbol> listed)
    {
        _attribute = attribute;
        _listed = listed;
    }

    /// <summary>True when no method can be marked: the attribute does not resolve and nothing is listed.</summary>
    public bool IsEmpty => _attribute is null && _listed.Count == 0;

    public bool Contains(IMethodSymbol method)
    {
        if (IsEmpty)
        {
            return false;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return _cache.GetOrAdd(definition, Compute);
    }

    private bool Compute(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            if (IsMarkedHere(current))
            {
                return true;
            }

            foreach (var implemented in current.ExplicitInterfaceImplementations)
            {
                if (IsMarkedHere(implemented.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return ImplementsMarkedInterfaceMember(method);
    }

    private bool ImplementsMarkedInterfaceMember(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null || type.TypeKind == TypeKind.Interface || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate
                    && IsMarkedHere(candidate.OriginalDefinition)
                    && type.FindImplementationForInterfaceMember(candidate) is IMethodSymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsMarkedHere(IMethodSymbol method)
    {
        if (_listed.Contains(method))
        {
            return true;
        }

        if (_attribute is null)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attribute))
            {
                return true;
            }
        }

        return false;
    }
}
