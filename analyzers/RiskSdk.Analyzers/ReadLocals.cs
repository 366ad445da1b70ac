using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// How an operation block uses its locals: which it ever reads (a check result stored in a local that is never read
/// is ignored), and which may change behind the flow analysis's back, so that what they held is never trusted:
/// a local written inside a lambda or local function that captures it (<c>Action reset = () =&gt; ok = true;</c>)
/// or aliased by a <c>ref</c> local or a pointer (<c>ref var r = ref ok; r = true;</c>).
/// </summary>
internal sealed class ReadLocals
{
    private ReadLocals(HashSet<ILocalSymbol> read, HashSet<ILocalSymbol> unstable)
    {
        Read = read;
        Unstable = unstable;
    }

    public HashSet<ILocalSymbol> Read { get; }

    public HashSet<ILocalSymbol> Unstable { get; }

    public bool Contains(ILocalSymbol local) => Read.Contains(local);

    public static ReadLocals In(ImmutableArray<IOperation> roots)
    {
        var read = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var unstable = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var root in roots)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is not ILocalReferenceOperation reference)
                {
                    continue;
                }

                var written = operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation;
                if (!reference.IsDeclaration && !written)
                {
                    read.Add(reference.Local);
                }

                if (IsAliased(reference) || (IsWritten(reference) && WrittenByCapture(reference)))
                {
                    unstable.Add(reference.Local);
                }
            }
        }

        return new ReadLocals(read, unstable);
    }

    /// <summary><c>ref var r = ref ok;</c>, <c>&amp;ok</c>: the local can be written through another name.</summary>
    private static bool IsAliased(ILocalReferenceOperation reference)
    {
        IOperation current = reference;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IAddressOfOperation => true,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None } } => true,
            ISimpleAssignmentOperation { IsRef: true } refAssignment => refAssignment.Value == current,
            _ => false,
        };
    }

    /// <summary>The reference writes the local: an assignment's target, a compound assignment, <c>++</c>, a <c>ref</c>/<c>out</c> argument, a deconstruction.</summary>
    private static bool IsWritten(ILocalReferenceOperation reference)
    {
        IOperation current = reference;
        var parent = current.Parent;
        while (parent is ITupleOperation or IDeclarationExpressionOperation or IConversionOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IAssignmentOperation assignment => assignment.Target == current,
            IIncrementOrDecrementOperation => true,
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
            _ => false,
        };
    }

    /// <summary>True when the write is inside a lambda or local function that does not declare the local (it captured it).</summary>
    private static bool WrittenByCapture(ILocalReferenceOperation reference)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            var function = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (function is not null)
            {
                return !SymbolEqualityComparer.Default.Equals(function, reference.Local.ContainingSymbol);
            }
        }

        return false;
    }
}
