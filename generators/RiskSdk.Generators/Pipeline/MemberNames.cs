using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// Gives each gate of one pipeline a field and constructor-parameter name from its type name (<c>KillSwitchGate</c>
/// becomes <c>_killSwitch</c> and <c>killSwitch</c>), unique within the pipeline and never a keyword.
/// </summary>
internal sealed class MemberNames
{
    private const string GateSuffix = "Gate";

    // "context" is the generated constructor's first parameter and "_context" its field; "_admitting" holds the admitting gates.
    private readonly HashSet<string> _used = new() { "context", "admitting" };

    public (string Field, string Parameter) For(string typeName)
    {
        var stem = typeName.EndsWith(GateSuffix) && typeName.Length > GateSuffix.Length
            ? typeName.Substring(0, typeName.Length - GateSuffix.Length)
            : typeName;
        stem = char.ToLowerInvariant(stem[0]) + stem.Substring(1);
        var name = stem;
        for (var suffix = 2; !_used.Add(name); suffix++)
        {
            name = stem + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var parameter = SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
        return ("_" + name, parameter);
    }
}
