using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RiskSdk.Analyzers;

/// <summary>
/// The simple names a call that places an order can be written with in this compilation: the name of every method
/// marked <c>[OrderPlacement]</c> in source (found in the text, without binding) or in a referenced library, and of
/// every listed one. A call through an override or an interface member keeps that name, so an operation block whose
/// text holds none of them cannot place an order. Null when a placement can be called without its name in the source
/// (a constructor, an operator, an accessor, or a name C# calls for <c>foreach</c>, <c>using</c>, collection
/// initializers, queries, deconstruction, awaiting or string interpolation), or when the attribute is aliased: then
/// every block is analysed.
/// </summary>
internal static class PlacementNames
{
    private const string AttributeName = "OrderPlacement";
    private const string AttributeFullName = "OrderPlacementAttribute";

    /// <summary>Ordinary method names that C# calls with no name in the source.</summary>
    private static readonly HashSet<string> CalledImplicitly = new(StringComparer.Ordinal)
    {
        "Add", "Dispose", "DisposeAsync", "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync",
        "Deconstruct", "GetAwaiter", "GetResult", "OnCompleted", "UnsafeOnCompleted", "GetPinnableReference", "Slice",
        "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending", "ThenBy",
        "ThenByDescending", "GroupBy", "Cast", "AppendLiteral", "AppendFormatted", "ToStringAndClear", "Create",
        "Invoke", "Equals", "GetHashCode", "ToString", "PrintMembers",
    };

    /// <summary>The marked method names of a referenced assembly (null: one cannot be filtered by name); symbols of a reference are shared by compilations.</summary>
    private static readonly ConditionalWeakTable<IAssemblySymbol, StrongBox<string[]?>> LibraryNames = new();

    public static HashSet<string>? Of(Compilation compilation, INamedTypeSymbol? attribute, IEnumerable<IMethodSymbol> listed, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in listed)
        {
            if (!TryAdd(method, names))
            {
                return null;
            }
        }

        if (attribute is null)
        {
            return names;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!AddMarkedInSource(tree, names, cancellationToken))
            {
                return null;
            }
        }

        // A referenced library can carry the attribute only when it references the assembly that declares it.
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                && (SymbolEqualityComparer.Default.Equals(assembly, attribute.ContainingAssembly) || References(assembly, attribute.ContainingAssembly.Name)))
            {
                var library = LibraryNames.GetValue(assembly, a => new StrongBox<string[]?>(MarkedInLibrary(a, cancellationToken))).Value;
                if (library is null)
                {
                    return null;
                }

                names.UnionWith(library);
            }
        }

        return names;
    }

    /// <summary>
    /// Adds the names of the methods and local functions a <c>[OrderPlacement]</c> is written on in
    /// <paramref name="tree"/>; false when a mark is on something else, is spelled through an alias, or may be spelled
    /// with a unicode escape.
    /// </summary>
    private static bool AddMarkedInSource(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return AddEveryAttributedMethod(tree.GetRoot(cancellationToken), names);
        }

        SyntaxNode? root = null;
        for (var at = text.IndexOf(AttributeName, StringComparison.Ordinal); at >= 0; at = text.IndexOf(AttributeName, at + AttributeName.Length, StringComparison.Ordinal))
        {
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(at);
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText is not (AttributeName or AttributeFullName))
            {
                continue;
            }

            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                if (node is UsingDirectiveSyntax)
                {
                    return false;
                }

                if (node is AttributeSyntax { Parent: AttributeListSyntax { Parent: { } target } })
                {
                    if (!AddDeclared(target, names))
                    {
                        return false;
                    }

                    break;
                }
            }
        }

        return true;
    }

    /// <summary>For a file whose identifiers may be escaped: every method or local function with an attribute counts.</summary>
    private static bool AddEveryAttributedMethod(SyntaxNode root, HashSet<string> names)
    {
        foreach (var list in root.DescendantNodes().OfType<AttributeListSyntax>())
        {
            if (list.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax && !AddDeclared(list.Parent, names))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AddDeclared(SyntaxNode target, HashSet<string> names)
    {
        var name = target switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            LocalFunctionStatementSyntax function => function.Identifier.ValueText,
            _ => null,
        };
        if (name is null || CalledImplicitly.Contains(name))
        {
            return false;
        }

        names.Add(name);
        return true;
    }

    private static bool References(IAssemblySymbol assembly, string name)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The names of the methods a library marks (matched by the attribute's name, so the answer holds for every compilation); null when one cannot be filtered by name.</summary>
    private static string[]? MarkedInLibrary(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var containers = new Stack<INamespaceOrTypeSymbol>();
        containers.Push(assembly.GlobalNamespace);
        while (containers.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in containers.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        containers.Push(nested);
                        break;
                    case IMethodSymbol method when IsMarked(method) && !TryAdd(method, names):
                        return null;
                }
            }
        }

        var result = new string[names.Count];
        names.CopyTo(result);
        return result;
    }

    private static bool IsMarked(IMethodSymbol method)
    {
        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass is { Name: AttributeFullName, ContainingNamespace: { Name: "RiskSdk", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the names a call to <paramref name="method"/> (or to the interface members it implements) is written with.</summary>
    private static bool TryAdd(IMethodSymbol method, HashSet<string> names)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation or MethodKind.LocalFunction))
        {
            return false;
        }

        if (method.MethodKind != MethodKind.ExplicitInterfaceImplementation)
        {
            if (CalledImplicitly.Contains(method.Name))
            {
                return false;
            }

            names.Add(method.Name);
        }

        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            if (!TryAdd(implemented, names))
            {
                return false;
            }
        }

        return true;
    }
}
