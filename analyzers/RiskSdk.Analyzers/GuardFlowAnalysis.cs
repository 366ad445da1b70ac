using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>
/// A forward "must" dataflow over a <see cref="ControlFlowGraph"/>: a block is guarded when every path into it passed
/// an approved position-limit check. Conditional branches split on what their condition proves; joins intersect.
/// A catch, filter or finally block starts from the state before its try. Lambdas and local functions are analysed
/// as graphs of their own, unguarded at their start.
/// </summary>
internal static class GuardFlowAnalysis
{
    public static void Run(ControlFlowGraph graph, bool startGuarded, RiskSymbols symbols, ReadLocals readLocals, FlowFindings findings, SemanticModel? model, CancellationToken cancellationToken)
    {
        var inStates = Solve(graph, startGuarded, symbols, readLocals, model, cancellationToken);
        var lambdasBefore = findings.Lambdas.Count;
        foreach (var block in graph.Blocks)
        {
            if (inStates[block.Ordinal] is { } state)
            {
                TransferBlock(block, new GuardTransfer(symbols, readLocals, state.Clone(), findings, model));
            }
        }

        var lambdas = findings.Lambdas.GetRange(lambdasBefore, findings.Lambdas.Count - lambdasBefore);
        foreach (var (lambda, lambdaStartsGuarded) in lambdas)
        {
            Run(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), lambdaStartsGuarded, symbols, readLocals, findings, model, cancellationToken);
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            if (!symbols.IsPlacement(localFunction))
            {
                var startsGuarded = symbols.TakesApprovalToken(localFunction);
                Run(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), startsGuarded, symbols, readLocals, findings, model, cancellationToken);
            }
        }
    }

    private static FlowState?[] Solve(ControlFlowGraph graph, bool startGuarded, RiskSymbols symbols, ReadLocals readLocals, SemanticModel? model, CancellationToken cancellationToken)
    {
        var blocks = graph.Blocks;
        var inStates = new FlowState?[blocks.Length];
        var handlers = HandlerEntries.Of(graph);
        var queued = new bool[blocks.Length];
        var worklist = new Queue<int>();
        inStates[0] = FlowState.Start(startGuarded);
        Enqueue(0);

        while (worklist.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ordinal = worklist.Dequeue();
            queued[ordinal] = false;
            var block = blocks[ordinal];
            var inState = inStates[ordinal]!;
            if (handlers.TryGetValue(ordinal, out var handlerEntries))
            {
                foreach (var handler in handlerEntries)
                {
                    JoinInto(handler, inState);
                }
            }

            var transfer = new GuardTransfer(symbols, readLocals, inState.Clone(), findings: null, model);
            var condition = TransferBlock(block, transfer);
            var outState = transfer.State;
            if (!outState.Reachable)
            {
                continue;
            }

            if (block.ConditionalSuccessor is { Destination: { } conditional })
            {
                var jumpsWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                JoinInto(conditional.Ordinal, Branch(outState, condition, jumpsWhen));
                if (block.FallThroughSuccessor?.Destination is { } fallThrough)
                {
                    JoinInto(fallThrough.Ordinal, Branch(outState, condition, !jumpsWhen));
                }
            }
            else if (block.FallThroughSuccessor?.Destination is { } next)
            {
                JoinInto(next.Ordinal, outState);
            }
        }

        return inStates;

        void JoinInto(int ordinal, FlowState incoming)
        {
            if (!blocks[ordinal].IsReachable)
            {
                return;
            }

            var existing = inStates[ordinal];
            if (existing is null)
            {
                inStates[ordinal] = incoming.Clone();
                Enqueue(ordinal);
            }
            else if (existing.JoinWith(incoming))
            {
                Enqueue(ordinal);
            }
        }

        void Enqueue(int ordinal)
        {
            if (!queued[ordinal])
            {
                queued[ordinal] = true;
                worklist.Enqueue(ordinal);
            }
        }
    }

    /// <summary>Runs a block's operations and its branch value; returns what the branch value proves.</summary>
    private static GuardFacts TransferBlock(BasicBlock block, GuardTransfer transfer)
    {
        foreach (var operation in block.Operations)
        {
            transfer.Statement(operation);
        }

        return block.BranchValue is null ? GuardFacts.None : transfer.Evaluate(block.BranchValue);
    }

    /// <summary>The state on the edge taken when the condition is <paramref name="value"/>.</summary>
    private static FlowState Branch(FlowState state, GuardFacts condition, bool value)
    {
        var edge = state.Clone();
        edge.Guarded |= condition.Has(value ? GuardFacts.IfTrue : GuardFacts.IfFalse);
        return edge;
    }
}
