using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>What a position-limit check returns, which decides how its approval is recognised.</summary>
internal enum CheckResultKind
{
    /// <summary>A <see cref="bool"/>: true approves (also a <c>TryX(..., out ...)</c> method).</summary>
    Boolean,

    /// <summary>A result with a <c>bool IsApproved</c> member.</summary>
    Decision,

    /// <summary>Anything else: the check throws when not allowed, so returning at all approves.</summary>
    Assert,
}

/// <summary>The shape of a check's result: its kind, and whether it comes wrapped in a task that must be awaited.</summary>
internal readonly struct CheckShape
{
    private CheckShape(CheckResultKind kind, bool isAsync)
    {
        Kind = kind;
        IsAsync = isAsync;
    }

    public CheckResultKind Kind { get; }

    public bool IsAsync { get; }

    /// <summary>Classifies a check by its return type: <c>Task</c>/<c>ValueTask</c> (generic or not) are unwrapped.</summary>
    public static CheckShape Of(IMethodSymbol check)
    {
        var type = check.ReturnType;
        var isAsync = false;
        if (type is INamedTypeSymbol named && IsTask(named))
        {
            isAsync = true;
            if (named.TypeArguments.Length == 0)
            {
                return new CheckShape(CheckResultKind.Assert, isAsync);
            }

            type = named.TypeArguments[0];
        }

        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return new CheckShape(CheckResultKind.Boolean, isAsync);
        }

        return new CheckShape(HasIsApproved(type) ? CheckResultKind.Decision : CheckResultKind.Assert, isAsync);
    }

    /// <summary>True when <paramref name="type"/> has a readable <c>bool IsApproved</c> property.</summary>
    public static bool HasIsApproved(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(DecisionMember))
            {
                if (member is IPropertySymbol { IsStatic: false, GetMethod: not null } property
                    && property.Type.SpecialType == SpecialType.System_Boolean)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The member of a decision that says whether it approves.</summary>
    public const string DecisionMember = "IsApproved";

    private static bool IsTask(INamedTypeSymbol type) =>
        type.Name is "Task" or "ValueTask"
        && type.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
