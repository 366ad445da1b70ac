using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RiskSdk.Benchmarks.Generators;

/// <summary>
/// The floor under the generator suite's "after an edit" row: a generator that finds the same attributed classes the
/// RiskSdk generators find, with the same <c>ForAttributeWithMetadataName</c> calls, and keeps only their names. Roslyn
/// runs such a transform again for every attributed class on every new compilation (binding each class and its
/// attributes), so this is what any attribute-driven generator pays per edit before its own parsing; it emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AttributeLookupFloor : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        Observe(context, "RiskSdk.EnvironmentSettingsAttribute");
        Observe(context, "RiskSdk.GatePipelineAttribute");
    }

    private static void Observe(IncrementalGeneratorInitializationContext context, string attribute)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            attribute,
            static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
            static (found, _) => found.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
    }
}
