using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    private readonly Dictionary<SyntaxNode, IMethodSymbol> _unresolved = new();

    private PlacementBlock(RiskSymbols symbols) => _symbols = symbols;

    public static void Start(OperationBlockStartAnalysisContext context, RiskSymbols symbols)
    {
        if (!symbols.MayPlaceIn(context.OperationBlocks, context.CancellationToken) || (context.OwningSymbol is IMethodSymbol owner && symbols.IsPlacement(owner)))
        {
            return;
        }

        var block = new PlacementBlock(symbols);
        context.RegisterOperationAction(block.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(block.OnMethodReference, OperationKind.MethodReference);
        context.RegisterOperationAction(block.OnInvalid, OperationKind.Invalid);
        context.RegisterOperationAction(block.OnPropertyReference, OperationKind.PropertyReference);
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

    /// <summary>A property or indexer whose getter or setter is an <c>[OrderPlacement]</c> (which one runs, the flow decides).</summary>
    private void OnPropertyReference(OperationAnalysisContext context)
    {
        var property = ((IPropertyReferenceOperation)context.Operation).Property;
        if ((property.GetMethod is { } getter && _symbols.IsGuardedPlacement(getter)) || (property.SetMethod is { } setter && _symbols.IsGuardedPlacement(setter)))
        {
            lock (_candidates)
            {
                _candidates.Add(context.Operation);
            }
        }
    }

    /// <summary>
    /// A call that does not bind (an argument of a type that is missing while packages restore, or in a partial
    /// build): when overload resolution's candidates include a placement, the call is analysed as that placement.
    /// </summary>
    private void OnInvalid(OperationAnalysisContext context)
    {
        if (context.Operation.Syntax is InvocationExpressionSyntax syntax
            && context.Operation.SemanticModel is { } model
            && UnresolvedPlacement(model.GetSymbolInfo(syntax, context.CancellationToken)) is { } candidate)
        {
            lock (_candidates)
            {
                _candidates.Add(context.Operation);
                _unresolved[syntax] = candidate;
            }
        }
    }

    private IMethodSymbol? UnresolvedPlacement(SymbolInfo info)
    {
        foreach (var symbol in info.CandidateSymbols)
        {
            if (symbol is IMethodSymbol method && _symbols.IsGuardedPlacement(method))
            {
                return method;
            }
        }

        return null;
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
        lock (_candidates)
        {
            foreach (var pair in _unresolved)
            {
                findings.Unresolved[pair.Key] = pair.Value;
            }
        }

        foreach (var root in context.OperationBlocks)
        {
            if (HasGraph(root) && candidates.Any(candidate => Contains(root, candidate)))
            {
                GuardFlowAnalysis.Run(context.GetControlFlowGraph(root), startsGuarded, _symbols, readLocals, findings, root.SemanticModel, context.CancellationToken);
            }
        }

        foreach (var (placement, method) in findings.Unguarded)
        {
            context.ReportDiagnostic(Unguarded(placement.Syntax, method, unresolved: placement is IInvalidOperation));
        }

        if (findings.Guarded.Count > 0 && context.OperationBlocks[0].SemanticModel is { } model)
        {
            foreach (var placement in findings.Guarded.Select(placement => placement.Syntax).Distinct().OrderBy(syntax => syntax.SpanStart))
            {
                if (LoopPlacement.SpendsOneApprovalOnManyOrders(placement, model, _symbols, context.CancellationToken))
                {
                    var method = findings.Guarded.First(guarded => guarded.Syntax == placement).TargetMethod;
                    context.ReportDiagnostic(Diagnostic.Create(RiskDiagnostics.OneApprovalManyOrders, placement.GetLocation(), DisplayName(method)));
                }
            }
        }

        foreach (var check in findings.IgnoredChecks.OrderBy(check => check.Syntax.SpanStart))
        {
            context.ReportDiagnostic(Diagnostic.Create(RiskDiagnostics.IgnoredCheck, check.Syntax.GetLocation(), DisplayName(check.TargetMethod)));
        }
    }

    /// <summary>RISK001 at <paramref name="syntax"/>; a call through an interface or virtual member names the marked implementation behind it.</summary>
    private Diagnostic Unguarded(SyntaxNode syntax, IMethodSymbol method, bool unresolved = false) => Diagnostic.Create(
        RiskDiagnostics.UnguardedOrder,
        syntax.GetLocation(),
        DisplayName(method),
        unresolved ? " (the call does not bind yet; it was matched by name)"
            : _symbols.PlacementBehind(method) is { } implementation ? $" (it may run '{DisplayName(implementation)}')" : string.Empty);

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

    internal static string DisplayName(IMethodSymbol method)
    {
        var name = method.AssociatedSymbol is IPropertySymbol property ? (property.IsIndexer ? "this[]" : property.Name) : method.Name;
        return method.ContainingType is { } type ? $"{type.Name}.{name}" : name;
    }
}
