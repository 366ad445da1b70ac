using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Benchmarks.Analyzers;

/// <summary>
/// An analyzer that asks for every invocation and does nothing with it: what running any operation-based analyzer
/// costs (the driver, and binding every method body into operations) before the analyzer's own logic.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvocationObserver : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH000", "Never reported", "Never reported", "Benchmarks", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Unused];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }
}
