using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>What a position-limit check returns, which decides how its approval is recognised.</summary>
internal enum CheckResultKind
{
    /// <summary>A <see cref="bool"/>: true approves (false with <c>ApprovedWhen = "false"</c>; also <c>TryX(..., out ...)</c>).</summary>
    Boolean,

    /// <summary>A result whose bool member approves: <c>IsApproved</c> by default, or the one <c>ApprovedWhen</c> names.</summary>
    Decision,

    /// <summary>A number of free slots: greater than zero approves (<c>ApprovedWhen = "&gt; 0"</c>).</summary>
    Count,

    /// <summary>void, a plain task, or the checked value itself: the check throws when not allowed, so returning approves.</summary>
    Assert,

    /// <summary>Anything else without an <c>ApprovedWhen</c> that fits: the check proves nothing (RISK006).</summary>
    Undetermined,
}

/// <summary>
/// The shape of a check's result: its kind, whether it comes wrapped in a task that must be awaited, and for a
/// decision the member that approves (<c>!Name</c> when false approves); for an undetermined check, why.
/// </summary>
internal readonly struct CheckShape
{
    private CheckShape(CheckResultKind kind, bool isAsync, string? member, bool approvedWhenFalse = false, string? problem = null, bool isNullable = false)
    {
        IsNullable = isNullable;
        Kind = kind;
        IsAsync = isAsync;
        Member = member;
        ApprovedWhenFalse = approvedWhenFalse;
        Problem = problem;
    }

    public CheckResultKind Kind { get; }

    public bool IsAsync { get; }

    /// <summary>For <see cref="CheckResultKind.Decision"/>: the member that approves, <c>!</c>-prefixed when false approves.</summary>
    public string? Member { get; }

    /// <summary>For <see cref="CheckResultKind.Boolean"/>: false approves (an "is blocked?" check).</summary>
    public bool ApprovedWhenFalse { get; }

    /// <summary>For <see cref="CheckResultKind.Boolean"/>: the result is a <c>bool?</c> (a guard tests it with <c>!= true</c>).</summary>
    public bool IsNullable { get; }

    /// <summary>For <see cref="CheckResultKind.Undetermined"/>: what is missing, for RISK006.</summary>
    public string? Problem { get; }

    /// <summary>The member that approves by default.</summary>
    public const string DecisionMember = "IsApproved";

    /// <summary>
    /// Classifies a check by its return type (<c>Task</c>/<c>ValueTask</c> unwrapped) and its declared approval
    /// (<c>ApprovedWhen</c>: <c>true</c>, <c>false</c>, <c>Member</c>, <c>!Member</c>, <c>&gt; 0</c>; null when not declared).
    /// </summary>
    public static CheckShape Of(IMethodSymbol check, string? approvedWhen)
    {
        var type = check.ReturnType;
        var isAsync = false;
        if (type is INamedTypeSymbol named && IsTask(named))
        {
            isAsync = true;
            if (named.TypeArguments.Length == 0)
            {
                return approvedWhen is null ? new(CheckResultKind.Assert, isAsync, null) : Undetermined(isAsync, $"returns a task without a result, so ApprovedWhen = \"{approvedWhen}\" has nothing to test");
            }

            type = named.TypeArguments[0];
        }

        var rule = approvedWhen?.Trim();
        if (rule is null)
        {
            return IsBoolean(type) ? new(CheckResultKind.Boolean, isAsync, null, isNullable: type.SpecialType != SpecialType.System_Boolean)
                : HasBoolMember(type, DecisionMember) ? new(CheckResultKind.Decision, isAsync, DecisionMember)
                : check.ReturnsVoid || ReturnsItsArgument(check, type) ? new(CheckResultKind.Assert, isAsync, null)
                : Undetermined(isAsync, $"returns '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}', which has no bool IsApproved: say which member approves with ApprovedWhen");
        }

        if (rule is "true" or "false")
        {
            return IsBoolean(type)
                ? new(CheckResultKind.Boolean, isAsync, null, approvedWhenFalse: rule == "false", isNullable: type.SpecialType != SpecialType.System_Boolean)
                : Undetermined(isAsync, $"ApprovedWhen = \"{rule}\" needs a bool result");
        }

        if (rule.Replace(" ", string.Empty) == ">0")
        {
            return IsInteger(type) ? new(CheckResultKind.Count, isAsync, null) : Undetermined(isAsync, "ApprovedWhen = \"> 0\" needs an integer result");
        }

        var name = rule.StartsWith("!", System.StringComparison.Ordinal) ? rule.Substring(1).Trim() : rule;
        return HasBoolMember(type, name)
            ? new(CheckResultKind.Decision, isAsync, rule[0] == '!' ? "!" + name : name)
            : Undetermined(isAsync, $"ApprovedWhen = \"{rule}\" names no readable bool member of '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'");
    }

    private static CheckShape Undetermined(bool isAsync, string problem) => new(CheckResultKind.Undetermined, isAsync, null, problem: problem);

    /// <summary>True when <paramref name="type"/> has a readable instance bool property or field (a tuple element) named <paramref name="name"/>.</summary>
    public static bool HasBoolMember(ITypeSymbol type, string name)
    {
        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            foreach (var element in tuple.TupleElements)
            {
                if (element.Name == name && element.Type.SpecialType == SpecialType.System_Boolean)
                {
                    return true;
                }
            }
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, GetMethod: not null, Type.SpecialType: SpecialType.System_Boolean }
                    or IFieldSymbol { IsStatic: false, Type.SpecialType: SpecialType.System_Boolean })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>An assert-style check may hand back what it checked: <c>Order Checked(Order order)</c>.</summary>
    private static bool ReturnsItsArgument(IMethodSymbol check, ITypeSymbol type)
    {
        foreach (var parameter in check.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>bool</c>, or <c>bool?</c> (null approves nothing: <c>== true</c>, <c>is true</c>, <c>!= true</c> then return are
    /// understood, and a lifted test null passes, such as <c>!= false</c>, is not).
    /// </summary>
    private static bool IsBoolean(ITypeSymbol type) => type.SpecialType == SpecialType.System_Boolean
        || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean);

    private static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
        or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte;

    private static bool IsTask(INamedTypeSymbol type) =>
        type.Name is "Task" or "ValueTask"
        && type.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
