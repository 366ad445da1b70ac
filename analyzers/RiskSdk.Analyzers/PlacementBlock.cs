using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// One operation block (a method body, an initializer): collects the order-placement calls in it cheaply, and only
/// when there is one builds the control-flow graph and runs <see cref="GuardFlowAnalysis"/>. Method-group
/// conversions of a placement are reported at once: the delegate may run anywhere.
/// </summary>
internal sealed class PlacementBlock
{
    private readonly RiskSymbols _symbols;
    private readonly List<IOperation> _candidates = new();

    private PlacementBlock(RiskSymbols symbols) => _symbols = symbols;

    public static void Start(OperationBlockStartAnalysisContext context, RiskSymbols symbols)
    {
        if (context.OwningSymbol is IMethodSymbol owner && symbols.IsPlacement(owner))
        {
            return;
        }

        var block = new PlacementBlock(symbols);
        context.RegisterOperationAction(block.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(block.OnMethodReference, OperationKind.MethodReference);
        context.RegisterOperationBlockEndAction(block.OnBlockEnd);
    }

    private void OnInvocation(OperationAnalysisContext context)
    {
        if (_symbols.IsGuardedPlacement(((IInvocationOperation)context.Operation).TargetMethod))
        {
            lock (_candidates)
            {
                _candidates.Add(context.Operation);
            }
        }
    }

    private void OnMethodReference(OperationAnalysisContext context)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        if (_symbols.IsGuardedPlacement(reference.Method) && !InNameOfOrPlacementLocalFunction(reference))
        {
            context.ReportDiagnostic(Unguarded(reference.Syntax, reference.Method));
        }
    }

    private void OnBlockEnd(OperationBlockAnalysisContext context)
    {
        IOperation[] candidates;
        lock (_candidates)
        {
            candidates = _candidates.ToArray();
        }

        if (candidates.Length == 0)
        {
            return;
        }

        var readLocals = ReadLocals.In(context.OperationBlocks);
        var startsGuarded = context.OwningSymbol is IMethodSymbol owner && _symbols.TakesApprovalToken(owner);
        var findings = new FlowFindings();
        foreach (var root in context.OperationBlocks)
        {
            if (HasGraph(root) && candidates.Any(candidate => Contains(root, candidate)))
            {
                GuardFlowAnalysis.Run(context.GetControlFlowGraph(root), startsGuarded, _symbols, readLocals, findings, context.CancellationToken);
            }
        }

        foreach (var placement in findings.Unguarded)
        {
            context.ReportDiagnostic(Unguarded(placement.Syntax, placement.TargetMethod));
        }

        foreach (var check in findings.IgnoredChecks.OrderBy(check => check.Syntax.SpanStart))
        {
            context.ReportDiagnostic(Diagnostic.Create(RiskDiagnostics.IgnoredCheck, check.Syntax.GetLocation(), DisplayName(check.TargetMethod)));
        }
    }

    /// <summary>RISK001 at <paramref name="syntax"/>; a call through an interface or virtual member names the marked implementation behind it.</summary>
    private Diagnostic Unguarded(SyntaxNode syntax, IMethodSymbol method) => Diagnostic.Create(
        RiskDiagnostics.UnguardedOrder,
        syntax.GetLocation(),
        DisplayName(method),
        _symbols.PlacementBehind(method) is { } implementation ? $" (it may run '{DisplayName(implementation)}')" : string.Empty);

    private bool InNameOfOrPlacementLocalFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation || (current is ILocalFunctionOperation function && _symbols.IsPlacement(function.Symbol)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IOperation root, IOperation candidate) =>
        root.Syntax.SyntaxTree == candidate.Syntax.SyntaxTree && root.Syntax.FullSpan.Contains(candidate.Syntax.Span);

    private static bool HasGraph(IOperation root) => root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation
        or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation;

    internal static string DisplayName(IMethodSymbol method) => method.ContainingType is { } type ? $"{type.Name}.{method.Name}" : method.Name;
}
