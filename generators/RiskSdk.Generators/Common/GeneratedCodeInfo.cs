using Microsoft.CodeAnalysis;

namespace RiskSdk.Generators;

/// <summary>What every generated type carries in its <c>[GeneratedCode]</c> attribute.</summary>
internal static class GeneratedCodeInfo
{
    public const string Tool = "RiskSdk.Generators";

    /// <summary>The tool version; fixed text so generated output stays byte-identical across builds.</summary>
    public const string Version = "1.0.0";

    public const string Attribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Tool + "\", \"" + Version + "\")]";

    /// <summary>
    /// True for a member these generators wrote. An analyzer sees the compilation with the generated code in it; the
    /// parsers it runs must see the user's declarations only, as the generators do.
    /// </summary>
    public static bool IsGenerated(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute" &&
                attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value as string == Tool)
            {
                return true;
            }
        }

        return false;
    }
}
