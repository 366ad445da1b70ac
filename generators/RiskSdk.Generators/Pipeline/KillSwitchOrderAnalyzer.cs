using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// RISKGEN107: a gate that halts entries (it implements <c>RiskSdk.Gates.IHaltGate</c>, as the kill switch does) is
/// listed in a <c>[GatePipeline]</c> but not first. A warning the app may keep on
/// purpose, so it is reported by an analyzer rather than by the generator: an analyzer's diagnostic sits at a real
/// source location, where <c>#pragma warning disable</c> and <c>.editorconfig</c> severities apply, and the check
/// costs the generator's incremental pipeline nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KillSwitchOrderAnalyzer : DiagnosticAnalyzer
{
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
            var haltGate = start.Compilation.GetTypeByMetadataName(PipelineParser.HaltGateType);
            if (pipelineAttribute is not null && haltGate is not null)
            {
                start.RegisterSymbolAction(symbol => Analyze(symbol, pipelineAttribute, haltGate), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol pipelineAttribute, INamedTypeSymbol haltGate)
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
                if (gates[i].Value is ITypeSymbol gate && gate.AllInterfaces.Contains(haltGate, SymbolEqualityComparer.Default))
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
