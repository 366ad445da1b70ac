using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// One code block (a method body, an accessor, an initializer, the top-level statements). A syntax pre-filter runs
/// first: a block none of whose identifiers names a placement is never bound into operations. Otherwise the block's
/// operations are walked for placement calls, and only when there is one is its control-flow graph built and
/// <see cref="GuardFlowAnalysis"/> run. Method-group conversions of a placement are reported at once: the delegate
/// may run anywhere.
/// </summary>
internal sealed class PlacementBlock
{
    private readonly RiskSymbols _symbols;

    private PlacementBlock(RiskSymbols symbols) => _symbols = symbols;

    public static void Analyze(CodeBlockAnalysisContext context, RiskSymbols symbols)
    {
        if ((context.OwningSymbol is IMethodSymbol owner && symbols.IsPlacement(owner)) || !symbols.MayPlaceOrders(context.CodeBlock))
        {
            return;
        }

        new PlacementBlock(symbols).Run(context);
    }

    private void Run(CodeBlockAnalysisContext context)
    {
        var roots = Roots(context.CodeBlock, context.SemanticModel, context.CancellationToken);
        var findings = new FlowFindings();
        var withPlacements = new List<IOperation>();
        foreach (var root in roots)
        {
            var hasPlacement = false;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when _symbols.IsGuardedPlacement(invocation.TargetMethod):
                        hasPlacement = true;
                        break;
                    case IMethodReferenceOperation reference when _symbols.IsGuardedPlacement(reference.Method) && !InNameOfOrPlacementLocalFunction(reference):
                        context.ReportDiagnostic(Unguarded(reference.Syntax, reference.Method));
                        break;
                    case IInvalidOperation { Syntax: InvocationExpressionSyntax syntax }
                        when UnresolvedPlacement(context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken)) is { } candidate:
                        findings.Unresolved[syntax] = candidate;
                        hasPlacement = true;
                        break;
                }
            }

            if (hasPlacement)
            {
                withPlacements.Add(root);
            }
        }

        if (withPlacements.Count == 0)
        {
            return;
        }

        var readLocals = ReadLocals.In(roots);
        var startsGuarded = context.OwningSymbol is IMethodSymbol method && _symbols.TakesApprovalToken(method);
        foreach (var root in withPlacements)
        {
            GuardFlowAnalysis.Run(Graph(root, context.CancellationToken), startsGuarded, _symbols, readLocals, findings, context.CancellationToken);
        }

        foreach (var (placement, placed) in findings.Unguarded)
        {
            context.ReportDiagnostic(Unguarded(placement.Syntax, placed, unresolved: placement is IInvalidOperation));
        }

        foreach (var check in findings.IgnoredChecks.OrderBy(check => check.Syntax.SpanStart))
        {
            context.ReportDiagnostic(Diagnostic.Create(RiskDiagnostics.IgnoredCheck, check.Syntax.GetLocation(), DisplayName(check.TargetMethod)));
        }
    }

    /// <summary>
    /// The operations of a code block that have a control-flow graph: the block itself (a method, accessor or the
    /// top-level statements), else its initializer or expression body.
    /// </summary>
    private static ImmutableArray<IOperation> Roots(SyntaxNode codeBlock, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(codeBlock, cancellationToken) is { } operation && HasGraph(operation))
        {
            return ImmutableArray.Create(operation);
        }

        var roots = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var node in codeBlock.DescendantNodes(n => n == codeBlock || n is not (ExpressionSyntax or StatementSyntax)))
        {
            if (node is EqualsValueClauseSyntax or ArrowExpressionClauseSyntax && model.GetOperation(node, cancellationToken) is { } nested && HasGraph(nested))
            {
                roots.Add(nested);
            }
        }

        return roots.ToImmutable();
    }

    /// <summary>
    /// A call that does not bind (an argument of a type that is missing while packages restore, or in a partial
    /// build): when overload resolution's candidates include a placement, the call is analysed as that placement.
    /// </summary>
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

    private static ControlFlowGraph Graph(IOperation root, CancellationToken cancellationToken) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        _ => ControlFlowGraph.Create((IParameterInitializerOperation)root, cancellationToken),
    };

    private static bool HasGraph(IOperation root) => root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation
        or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation;

    internal static string DisplayName(IMethodSymbol method) => method.ContainingType is { } type ? $"{type.Name}.{method.Name}" : method.Name;
}
