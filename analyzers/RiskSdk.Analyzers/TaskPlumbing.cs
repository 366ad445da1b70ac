using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>What a call on a task does to the result it will carry.</summary>
internal enum TaskStep
{
    /// <summary>Not task plumbing.</summary>
    None,

    /// <summary><c>ConfigureAwait</c>, <c>GetAwaiter</c>, <c>AsTask</c>: the same result, still to be awaited.</summary>
    Wrap,

    /// <summary><c>GetResult()</c>, <c>Wait()</c>: waits for the task, like an <c>await</c>.</summary>
    Block,
}

/// <summary>
/// The task plumbing a check's result passes through: <c>await check().ConfigureAwait(false)</c>,
/// <c>check().GetAwaiter().GetResult()</c> and <c>check().Result</c> keep what the check proves.
/// </summary>
internal static class TaskPlumbing
{
    public static TaskStep Of(IMethodSymbol method)
    {
        if (method.IsStatic || !IsTaskNamespace(method.ContainingType?.ContainingNamespace))
        {
            return TaskStep.None;
        }

        return method.Name switch
        {
            "ConfigureAwait" or "GetAwaiter" or "AsTask" => TaskStep.Wrap,
            "GetResult" or "Wait" when method.Parameters.Length == 0 => TaskStep.Block,
            _ => TaskStep.None,
        };
    }

    /// <summary><c>Task&lt;T&gt;.Result</c> or <c>ValueTask&lt;T&gt;.Result</c>.</summary>
    public static bool IsResult(IPropertySymbol property) =>
        property is { Name: "Result", IsStatic: false, ContainingType.Name: "Task" or "ValueTask" } && IsTaskNamespace(property.ContainingType.ContainingNamespace);

    /// <summary><c>System.Threading.Tasks</c> (tasks) or <c>System.Runtime.CompilerServices</c> (their awaiters).</summary>
    private static bool IsTaskNamespace(INamespaceSymbol? ns) =>
        ns is { ContainingNamespace: { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } parent }
        && ((parent.Name == "Threading" && ns.Name == "Tasks") || (parent.Name == "Runtime" && ns.Name == "CompilerServices"));
}
