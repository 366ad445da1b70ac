using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// RISK007: a guarded order placement whose innermost enclosing loop (<c>for</c>, <c>foreach</c>, <c>while</c>,
/// <c>do</c>, in the same method, lambda or local function; a lambda run at once by the call it is handed to, such as
/// Polly's <c>ExecuteAsync</c>, counts as its call site) holds no position-limit check anywhere (condition, body,
/// nested code): its guard was taken before the loop, so one approval covers an order on every pass. A placement
/// that the next statement leaves the loop after (<c>break</c>, <c>return</c>, <c>throw</c>, <c>yield break</c>),
/// or that is returned, runs at most once per approval and is not reported.
/// </summary>
internal static class LoopPlacement
{
    public static bool SpendsOneApprovalOnManyOrders(SyntaxNode placement, SemanticModel model, RiskSymbols symbols, CancellationToken cancellationToken)
    {
        var site = RunsAt(placement, model, symbols, cancellationToken);
        if (InnermostLoop(site) is not { } loop || LeavesTheLoopAfter(site))
        {
            return false;
        }

        return model.GetOperation(loop, cancellationToken) is { } operation && !HasCheck(operation, symbols);
    }

    /// <summary>
    /// Where the placement runs on a loop's pass: the placement itself, or, when it sits in lambdas handed to calls that
    /// run them at once (Polly's <c>Execute*</c>, an awaited <c>Task.Run</c>, the invoke-now list) with no loop in
    /// between, the outermost such call: a loop around that call places an order on every pass.
    /// </summary>
    private static SyntaxNode RunsAt(SyntaxNode placement, SemanticModel model, RiskSymbols symbols, CancellationToken cancellationToken)
    {
        var site = placement;
        for (var node = placement.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return site;
                case AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } }
                    when model.GetOperation(call, cancellationToken) is IInvocationOperation invocation && symbols.RunsDelegatesNow(invocation):
                    site = call;
                    node = call;
                    break;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return site;
            }
        }

        return site;
    }

    private static StatementSyntax? InnermostLoop(SyntaxNode placement)
    {
        for (var node = placement.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return (StatementSyntax)node;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The placement is returned, or its statement is followed at once by a statement that leaves the loop.</summary>
    private static bool LeavesTheLoopAfter(SyntaxNode placement)
    {
        var node = placement;
        while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax or ThrowStatementSyntax:
                return true;
            case ExpressionStatementSyntax { Parent: BlockSyntax block } statement:
                var index = block.Statements.IndexOf(statement);
                return index + 1 < block.Statements.Count
                    && block.Statements[index + 1] is BreakStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax
                        or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement };
            default:
                return false;
        }
    }

    private static bool HasCheck(IOperation loop, RiskSymbols symbols)
    {
        foreach (var operation in loop.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when symbols.IsCheck(invocation.TargetMethod):
                case IPropertyReferenceOperation { Property.GetMethod: { } getter } when symbols.IsCheck(getter):
                    return true;
            }
        }

        return false;
    }
}
