using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Analyzers;

/// <summary>
/// Reports order placements that can run without a passed position-limit check (RISK001), checks whose result is
/// ignored before an order (RISK002), bad lines in the RiskSdk symbols files (RISK003, RISK004), marks no caller
/// reaches (RISK005), checks with no known approval (RISK006), and one approval spent on a loop of orders (RISK007).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OrderPlacementAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        RiskDiagnostics.UnguardedOrder,
        RiskDiagnostics.IgnoredCheck,
        RiskDiagnostics.MalformedSymbolLine,
        RiskDiagnostics.UnknownSymbol,
        RiskDiagnostics.PlacementAtEntry,
        RiskDiagnostics.UndeterminedApproval,
        RiskDiagnostics.OneApprovalManyOrders);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = RiskSymbols.Create(context.Compilation, context.Options.AdditionalFiles, context.CancellationToken);
        if (!symbols.FileDiagnostics.IsEmpty)
        {
            context.RegisterAdditionalFileAction(fileContext =>
            {
                if (symbols.FileDiagnostics.TryGetValue(fileContext.AdditionalFile.Path, out var diagnostics))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        fileContext.ReportDiagnostic(diagnostic);
                    }
                }
            });
        }

        var canPlaceOrders = symbols.CanPlaceOrders;
        context.RegisterSymbolAction(symbolContext => ReportDeclarationRules(symbolContext, symbols, canPlaceOrders), SymbolKind.Method, SymbolKind.Property);
        if (canPlaceOrders)
        {
            context.RegisterOperationBlockStartAction(blockContext => PlacementBlock.Start(blockContext, symbols));
        }
    }

    /// <summary>The rules on a declaration's own attribute (RISK006, RISK005): one callback per member, none of it for a member with no attribute.</summary>
    private static void ReportDeclarationRules(SymbolAnalysisContext context, RiskSymbols symbols, bool canPlaceOrders)
    {
        if (context.Symbol.GetAttributes().IsEmpty)
        {
            return;
        }

        ReportUndeterminedApproval(context, symbols);
        if (canPlaceOrders && context.Symbol is IMethodSymbol)
        {
            ReportPlacementAtEntry(context, symbols);
        }
    }

    /// <summary>RISK006: a <c>[PositionLimitCheck]</c> declared here whose result does not say what approval is.</summary>
    private static void ReportUndeterminedApproval(SymbolAnalysisContext context, RiskSymbols symbols)
    {
        var getter = context.Symbol as IMethodSymbol ?? (context.Symbol as IPropertySymbol)?.GetMethod;
        if (getter is not null
            && symbols.Checks.OwnAttribute(context.Symbol) is { ApplicationSyntaxReference: { } syntax }
            && symbols.ShapeOf(getter) is { Kind: CheckResultKind.Undetermined } shape)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                RiskDiagnostics.UndeterminedApproval,
                syntax.GetSyntax(context.CancellationToken).GetLocation(),
                PlacementBlock.DisplayName(getter.MethodKind == MethodKind.PropertyGet ? getter : (IMethodSymbol)context.Symbol),
                shape.Problem));
        }
    }

    /// <summary>RISK005: an attribute-marked placement that only an entry point or a library's dispatch reaches.</summary>
    private static void ReportPlacementAtEntry(SymbolAnalysisContext context, RiskSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (symbols.Placements.OwnAttribute(method) is { ApplicationSyntaxReference: { } syntax }
            && DispatchEntry.Of(method, symbols) is { } reachedThrough)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                RiskDiagnostics.PlacementAtEntry,
                syntax.GetSyntax(context.CancellationToken).GetLocation(),
                PlacementBlock.DisplayName(method),
                reachedThrough));
        }
    }
}
