using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>
/// Methods that carry one RiskSdk attribute or are listed in its symbols file, directly or through the methods they
/// override or the interface members they implement; and, when <c>followsDispatch</c> is set, also the interface
/// members and overridden methods that a marked implementation in this compilation (or a listed one) sits behind: a
/// call through <c>IBroker.Place</c> places an order when <c>KiteBroker.Place</c> does. Answers are cached per
/// compilation.
/// </summary>
internal sealed class MarkedMethods
{
    private readonly INamedTypeSymbol? _attribute;
    private readonly HashSet<IMethodSymbol> _listed;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _cache = new(SymbolEqualityComparer.Default);
    private readonly Lazy<Dictionary<IMethodSymbol, IMethodSymbol>>? _dispatched;
    private readonly Func<IMethodSymbol, bool> _compute;

    public MarkedMethods(INamedTypeSymbol? attribute, HashSet<IMethodSymbol> listed, Compilation? followsDispatchIn, CancellationToken cancellationToken)
    {
        _attribute = attribute;
        _listed = listed;
        _compute = Compute;
        if (followsDispatchIn is not null)
        {
            _dispatched = new Lazy<Dictionary<IMethodSymbol, IMethodSymbol>>(() => DispatchRoots(followsDispatchIn, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        }
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
        return _cache.GetOrAdd(definition, _compute);
    }

    /// <summary>
    /// The marked implementation a call to <paramref name="method"/> may dispatch to, when <paramref name="method"/>
    /// is not marked itself but an override or implementation of it is; null otherwise.
    /// </summary>
    public IMethodSymbol? DispatchedTo(IMethodSymbol method)
    {
        if (_dispatched is null || !IsDispatchable(method))
        {
            return null;
        }

        return _dispatched.Value.TryGetValue((method.ReducedFrom ?? method).OriginalDefinition, out var implementation) ? implementation : null;
    }

    /// <summary>True when the method carries the attribute or is listed, on itself (not through what it overrides).</summary>
    public bool IsMarkedHere(IMethodSymbol method)
    {
        if (_listed.Contains(method))
        {
            return true;
        }

        return OwnAttribute(method) is not null || (method.MethodKind == MethodKind.PropertyGet && OwnAttribute(method.AssociatedSymbol!) is not null);
    }

    /// <summary>The attribute's data on <paramref name="symbol"/> itself (not on what it overrides or implements).</summary>
    public AttributeData? OwnAttribute(ISymbol symbol)
    {
        if (_attribute is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The attribute's data on <paramref name="method"/> or on the member it overrides or implements that carries it.</summary>
    public AttributeData? AttributeOf(IMethodSymbol method)
    {
        foreach (var candidate in MarkSources(method.OriginalDefinition))
        {
            if ((OwnAttribute(candidate) ?? (candidate.MethodKind == MethodKind.PropertyGet ? OwnAttribute(candidate.AssociatedSymbol!) : null)) is { } attribute)
            {
                return attribute;
            }
        }

        return null;
    }

    private bool Compute(IMethodSymbol method)
    {
        foreach (var candidate in MarkSources(method))
        {
            if (IsMarkedHere(candidate))
            {
                return true;
            }
        }

        return DispatchedTo(method) is not null;
    }

    /// <summary>The method, what it overrides, and the interface members it implements (explicitly or implicitly).</summary>
    public static IEnumerable<IMethodSymbol> MarkSources(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            yield return current;
            foreach (var implemented in current.ExplicitInterfaceImplementations)
            {
                yield return implemented.OriginalDefinition;
            }
        }

        foreach (var implemented in ImplicitlyImplemented(method))
        {
            yield return implemented;
        }
    }

    /// <summary>The interface members <paramref name="method"/> implements without naming them.</summary>
    public static IEnumerable<IMethodSymbol> ImplicitlyImplemented(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null || type.TypeKind == TypeKind.Interface || method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet) || method.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate
                    && type.FindImplementationForInterfaceMember(candidate) is IMethodSymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, method))
                {
                    yield return candidate.OriginalDefinition;
                }
            }
        }
    }

    private static bool IsDispatchable(IMethodSymbol method) =>
        method.ContainingType?.TypeKind == TypeKind.Interface || method.IsVirtual || method.IsAbstract || method.IsOverride;

    /// <summary>
    /// Every interface member or overridden method that a marked method of this compilation's source, or a listed
    /// method, implements or overrides, mapped to that marked method. Computed once, on the first call through an
    /// interface or a virtual member.
    /// </summary>
    private Dictionary<IMethodSymbol, IMethodSymbol> DispatchRoots(Compilation compilation, CancellationToken cancellationToken)
    {
        var roots = new Dictionary<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var listed in _listed)
        {
            AddRoots(listed, roots);
        }

        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(compilation.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var container = types.Pop();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        types.Push(nested);
                        break;
                    case IMethodSymbol method when container is INamedTypeSymbol && (method.IsOverride || method.ExplicitInterfaceImplementations.Length > 0 || method.DeclaredAccessibility == Accessibility.Public) && IsMarkedHere(method):
                        AddRoots(method, roots);
                        break;
                }
            }
        }

        return roots;
    }

    private static void AddRoots(IMethodSymbol marked, Dictionary<IMethodSymbol, IMethodSymbol> roots)
    {
        foreach (var source in MarkSources(marked))
        {
            if (!SymbolEqualityComparer.Default.Equals(source, marked) && !roots.ContainsKey(source))
            {
                roots.Add(source, marked);
            }
        }
    }
}
