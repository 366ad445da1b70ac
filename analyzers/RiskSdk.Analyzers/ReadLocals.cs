using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>The locals an operation block ever reads: a check result stored in a local that is never read is ignored.</summary>
internal static class ReadLocals
{
    public static HashSet<ILocalSymbol> In(ImmutableArray<IOperation> roots)
    {
        var read = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var root in roots)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation { IsDeclaration: false } reference
                    && !(operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation))
                {
                    read.Add(reference.Local);
                }
            }
        }

        return read;
    }
}
