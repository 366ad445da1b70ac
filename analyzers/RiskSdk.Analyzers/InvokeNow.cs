using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RiskSdk.Analyzers;

/// <summary>
/// APIs that run the delegates passed to them before they return, so a lambda passed to them runs at the call site
/// with its guard: Polly v8 <c>ResiliencePipeline(&lt;T&gt;).Execute*</c>, Polly v7 policies' <c>Execute*</c>, and
/// <c>Task.Run</c> when it is awaited at once. More are listed in <c>RiskSdk.InvokeNow.txt</c>.
/// </summary>
internal sealed class InvokeNow
{
    private static readonly HashSet<string> PollyTypes = new()
    {
        "ResiliencePipeline", "Policy", "AsyncPolicy", "ISyncPolicy", "IAsyncPolicy", "PolicyWrap", "AsyncPolicyWrap",
    };

    private readonly HashSet<IMethodSymbol> _listed;

    public InvokeNow(HashSet<IMethodSymbol> listed) => _listed = listed;

    public bool RunsDelegatesNow(IInvocationOperation invocation)
    {
        var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
        if (_listed.Contains(method))
        {
            return true;
        }

        if (method.ContainingType is not { } type)
        {
            return false;
        }

        if (method.Name.StartsWith("Execute", System.StringComparison.Ordinal) && IsPolly(type))
        {
            return true;
        }

        return method is { Name: "Run", IsStatic: true } && type is { Name: "Task", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } }
            && IsAwaitedAtOnce(invocation);
    }

    private static bool IsPolly(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (PollyTypes.Contains(current.Name) && current.ContainingNamespace is { Name: "Polly" } or { ContainingNamespace.Name: "Polly" })
            {
                return true;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (PollyTypes.Contains(@interface.Name) && @interface.ContainingNamespace is { Name: "Polly" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>await Task.Run(...)</c>, also through <c>ConfigureAwait</c>.</summary>
    private static bool IsAwaitedAtOnce(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IInvocationOperation plumbing && TaskPlumbing.Of(plumbing.TargetMethod) == TaskStep.Wrap && plumbing.Instance == operation)
        {
            return IsAwaitedAtOnce(plumbing);
        }

        return parent is IAwaitOperation;
    }
}
