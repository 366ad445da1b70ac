using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>The framework attributes that change control flow for the guard analysis, matched by name so polyfills count.</summary>
internal static class FlowAttributes
{
    /// <summary><c>[Conditional]</c>: the call, and any check in its arguments, may be compiled away.</summary>
    public static bool IsConditional(IMethodSymbol method) => Has(method.GetAttributes(), "ConditionalAttribute", DiagnosticsNamespace) is not null;

    /// <summary><c>[DoesNotReturn]</c>: a call ends the path.</summary>
    public static bool DoesNotReturn(IMethodSymbol method) => Has(method.GetAttributes(), "DoesNotReturnAttribute", CodeAnalysisNamespace) is not null;

    /// <summary><c>[DoesNotReturnIf(value)]</c> on a parameter: the call returns only when the argument is not <paramref name="value"/>.</summary>
    public static bool DoesNotReturnIf(IParameterSymbol parameter, out bool value)
    {
        value = false;
        if (Has(parameter.GetAttributes(), "DoesNotReturnIfAttribute", CodeAnalysisNamespace) is { ConstructorArguments: { Length: 1 } arguments } && arguments[0].Value is bool argument)
        {
            value = argument;
            return true;
        }

        return false;
    }

    private static readonly string[] CodeAnalysisNamespace = ["System", "Diagnostics", "CodeAnalysis"];
    private static readonly string[] DiagnosticsNamespace = ["System", "Diagnostics"];

    private static AttributeData? Has(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string name, string[] containingNamespace)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type && type.Name == name && IsNamespace(type.ContainingNamespace, containingNamespace))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Compares a namespace with its dotted parts without formatting it.</summary>
    private static bool IsNamespace(INamespaceSymbol? symbol, string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (symbol is null || symbol.Name != parts[i])
            {
                return false;
            }

            symbol = symbol.ContainingNamespace;
        }

        return symbol is { IsGlobalNamespace: true };
    }
}
