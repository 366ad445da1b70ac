using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>How a call changes control flow, from the framework attributes on the called method.</summary>
[System.Flags]
internal enum CallFlow
{
    None = 0,

    /// <summary><c>[Conditional]</c>: the call and its arguments may be compiled away.</summary>
    Conditional = 1,

    /// <summary><c>[DoesNotReturn]</c>: the call ends the path.</summary>
    DoesNotReturn = 2,

    /// <summary>A parameter carries <c>[DoesNotReturnIf]</c>.</summary>
    DoesNotReturnIf = 4,
}

/// <summary>The framework attributes that change control flow for the guard analysis, matched by name so polyfills count.</summary>
internal static class FlowAttributes
{
    /// <summary>Reads the flow attributes of <paramref name="method"/> and its parameters (cache the answer).</summary>
    public static CallFlow Of(IMethodSymbol method)
    {
        var attributes = method.GetAttributes();
        var flow = Has(attributes, "ConditionalAttribute", DiagnosticsNamespace) is null ? CallFlow.None : CallFlow.Conditional;
        flow |= Has(attributes, "DoesNotReturnAttribute", CodeAnalysisNamespace) is null ? CallFlow.None : CallFlow.DoesNotReturn;
        foreach (var parameter in method.Parameters)
        {
            if (DoesNotReturnIf(parameter, out _))
            {
                return flow | CallFlow.DoesNotReturnIf;
            }
        }

        return flow;
    }

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
