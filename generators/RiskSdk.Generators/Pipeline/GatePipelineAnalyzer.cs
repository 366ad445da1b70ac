using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// Reports RISKGEN101-106, 108 and 109 for classes marked <c>[GatePipeline]</c>, from the same parser the
/// <see cref="GatePipelineGenerator"/> uses, at real source locations. RISKGEN107 comes from <see cref="KillSwitchOrderAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GatePipelineAnalyzer : AttributedClassAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PipelineWithoutPositionLimit,
        DiagnosticDescriptors.PositionLimitNotLast,
        DiagnosticDescriptors.DuplicateGate,
        DiagnosticDescriptors.UnusableGateType,
        DiagnosticDescriptors.GateCannotBeConstructed,
        DiagnosticDescriptors.PipelineClassNotPartial,
        DiagnosticDescriptors.PipelineGeneratorFailed,
        DiagnosticDescriptors.NullGate);

    /// <inheritdoc/>
    private protected override string AttributeMetadataName => PipelineParser.GatePipelineAttribute;

    /// <inheritdoc/>
    private protected override DiagnosticDescriptor Failure => DiagnosticDescriptors.PipelineGeneratorFailed;

    /// <inheritdoc/>
    private protected override Func<INamedTypeSymbol, TypeDeclarationSyntax, AttributeData, CancellationToken, EquatableArray<DiagnosticInfo>> CreateCheck(Compilation compilation) =>
        (type, declaration, attribute, cancellationToken) => PipelineParser.Parse(type, declaration, attribute, compilation, cancellationToken).Diagnostics;
}
