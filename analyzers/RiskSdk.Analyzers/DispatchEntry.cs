using System;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>
/// Why a method is reached by no caller an analyzer can see: it is the program's entry point, a controller action, or
/// it implements or overrides a member of a referenced library (a MediatR <c>Handle</c>, a MassTransit
/// <c>Consume</c>, a hosted service's <c>ExecuteAsync</c>) that the library's own dispatch calls. Moving the
/// order-placement obligation onto such a method moves it to callers that do not exist.
/// </summary>
internal static class DispatchEntry
{
    /// <summary>How the method is reached, for the message (null when ordinary callers reach it).</summary>
    public static string? Of(IMethodSymbol method, RiskSymbols symbols)
    {
        var placements = symbols.Placements;
        if (method.IsStatic && method.Name == "Main" && method.MethodKind == MethodKind.Ordinary)
        {
            return "the program's entry point";
        }

        foreach (var source in MarkedMethods.MarkSources(method.OriginalDefinition))
        {
            if (!SymbolEqualityComparer.Default.Equals(source, method.OriginalDefinition)
                && IsLibraryDispatch(source, method)
                && !placements.IsMarkedHere(source))
            {
                return $"'{source.ContainingType?.Name}.{source.Name}', which only '{source.ContainingAssembly?.Name}' calls";
            }
        }

        return method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic && method.MethodKind == MethodKind.Ordinary
            && !HasMvcAttribute(method, "NonActionAttribute") && IsController(method.ContainingType, symbols.HasMvcControllers)
            ? "a controller action, which the web framework calls"
            : null;
    }

    /// <summary>
    /// A member of another assembly that knows nothing of RiskSdk (a framework or library): its callers are the
    /// library's own dispatch. An interface of the app's own contracts project references RiskSdk and is not one.
    /// </summary>
    private static bool IsLibraryDispatch(IMethodSymbol member, IMethodSymbol implementation)
    {
        var assembly = member.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, implementation.ContainingAssembly) || assembly.Name == "RiskSdk")
        {
            return false;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name == "RiskSdk")
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A class MVC treats as a controller, or whose public methods are actions of the controllers deriving from it:
    /// neither it nor a base says <c>[NonController]</c>, and it derives from <c>ControllerBase</c>/<c>Controller</c>,
    /// carries <c>[ApiController]</c> or <c>[Controller]</c> (on itself or a base), or, in a compilation that sees MVC,
    /// follows MVC's naming convention: a public, top-level, non-abstract, non-generic class whose name ends in
    /// "Controller" (any case), as ASP.NET Core's <c>ControllerFeatureProvider</c> discovers it.
    /// </summary>
    private static bool IsController(INamedTypeSymbol? type, bool byConvention)
    {
        var controller = byConvention && type is { TypeKind: TypeKind.Class, DeclaredAccessibility: Accessibility.Public, ContainingType: null, IsAbstract: false, IsGenericType: false }
            && type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase);
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasMvcAttribute(current, "NonControllerAttribute"))
            {
                return false;
            }

            controller |= (current.Name is "ControllerBase" or "Controller" && IsMvcNamespace(current.ContainingNamespace))
                || HasMvcAttribute(current, "ApiControllerAttribute")
                || HasMvcAttribute(current, "ControllerAttribute");
        }

        return controller;
    }

    private static bool HasMvcAttribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && type.Name == name && IsMvcNamespace(type.ContainingNamespace))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Microsoft.AspNetCore.Mvc</c>, compared part by part.</summary>
    private static bool IsMvcNamespace(INamespaceSymbol? ns) =>
        ns is { Name: "Mvc", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } };
}
