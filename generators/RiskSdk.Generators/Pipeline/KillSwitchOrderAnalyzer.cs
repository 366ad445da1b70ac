using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// RISKGEN107: the kill switch is listed in a <c>[GatePipeline]</c> but not first. A warning the app may keep on
/// purpose, so it is reported by an analyzer rather than by the generator: an analyzer's diagnostic sits at a real
/// source location, where <c>#pragma warning disable</c> and <c>.editorconfig</c> severities apply, and the check
/// costs the generator's incremental pipeline nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KillSwitchOrderAnalyzer : DiagnosticAnalyzer
{
    private const string KillSwitchGateType = "RiskSdk.Gates.KillSwitchGate";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.KillSwitchNotFirst);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var pipelineAttribute = start.Compilation.GetTypeByMetadataName(PipelineParser.GatePipelineAttribute);
            var killSwitch = start.Compilation.GetTypeByMetadataName(KillSwitchGateType);
            if (pipelineAttribute is not null && killSwitch is not null)
            {
                start.RegisterSymbolAction(symbol => Analyze(symbol, pipelineAttribute, killSwitch), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol pipelineAttribute, INamedTypeSymbol killSwitch)
    {
        var pipeline = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in pipeline.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, pipelineAttribute)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array
                || attribute.ConstructorArguments[0].IsNull)
            {
                continue;
            }

            var gates = attribute.ConstructorArguments[0].Values;
            for (var i = 1; i < gates.Length; i++)
            {
                if (gates[i].Value is ITypeSymbol gate && SymbolEqualityComparer.Default.Equals(gate, killSwitch))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.KillSwitchNotFirst,
                        PipelineParser.GateArgumentLocation(attribute, i, gates.Length),
                        PipelineParser.Ordinal(i),
                        PipelineParser.Ordinal(gates.Length - 1),
                        pipeline.Name));
                    break;
                }
            }
        }
    }
}
