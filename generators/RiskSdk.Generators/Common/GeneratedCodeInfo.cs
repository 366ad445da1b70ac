namespace RiskSdk.Generators;

/// <summary>What every generated type carries in its <c>[GeneratedCode]</c> attribute.</summary>
internal static class GeneratedCodeInfo
{
    public const string Tool = "RiskSdk.Generators";

    /// <summary>The tool version; fixed text so generated output stays byte-identical across builds.</summary>
    public const string Version = "1.0.0";

    public const string Attribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Tool + "\", \"" + Version + "\")]";
}
