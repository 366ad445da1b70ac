using Microsoft.CodeAnalysis;

namespace RiskSdk.Analyzers;

/// <summary>Every RiskSdk analyzer diagnostic: stable IDs, the category and the descriptors, declared once.</summary>
public static class RiskDiagnostics
{
    /// <summary>Order placed without a guarding position-limit check.</summary>
    public const string UnguardedOrderId = "RISK001";

    /// <summary>Position-limit check result ignored.</summary>
    public const string IgnoredCheckId = "RISK002";

    /// <summary>Malformed line in a RiskSdk symbols file.</summary>
    public const string MalformedSymbolLineId = "RISK003";

    /// <summary>A symbols file line that names no method of the compilation.</summary>
    public const string UnknownSymbolId = "RISK004";

    /// <summary>An [OrderPlacement] method that no caller in the compilation reaches: the obligation would vanish.</summary>
    public const string PlacementAtEntryId = "RISK005";

    /// <summary>A position-limit check whose approval cannot be determined from its result type.</summary>
    public const string UndeterminedApprovalId = "RISK006";

    /// <summary>An order placed on every pass of a loop under one approval taken before the loop.</summary>
    public const string OneApprovalManyOrdersId = "RISK007";

    /// <summary>The category of every RiskSdk analyzer diagnostic.</summary>
    public const string Category = "RiskSdk";

    internal static readonly DiagnosticDescriptor UnguardedOrder = new(
        UnguardedOrderId,
        title: "Order placed without a guarding position-limit check",
        messageFormat: "'{0}' places an order{1} on a path that does not pass through an approved position-limit check",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A call to an [OrderPlacement] method (or to the interface or virtual member a marked implementation sits behind) must be reached only through the approved outcome of a [PositionLimitCheck] method, on every control-flow path from the start of the enclosing method, lambda or local function.",
        helpLinkUri: HelpLink(UnguardedOrderId));

    internal static readonly DiagnosticDescriptor IgnoredCheck = new(
        IgnoredCheckId,
        title: "Position-limit check result ignored",
        messageFormat: "The result of position-limit check '{0}' is never tested, but an order is placed after it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A position-limit check that returns bool, a decision with IsApproved, or a task of them only guards an order when its result is tested.",
        helpLinkUri: HelpLink(IgnoredCheckId));

    internal static readonly DiagnosticDescriptor MalformedSymbolLine = new(
        MalformedSymbolLineId,
        title: "Malformed line in a RiskSdk symbols file",
        messageFormat: "'{0}' cannot be used: expected a method ID (or a property ID in the checks file), a dotted name, or a name ending in '*', then known options, such as 'M:Broker.Client.PlaceOrder(Broker.Order)'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "RiskSdk.OrderPlacement.txt and RiskSdk.PositionChecks.txt hold one method documentation-comment ID (P: for a property check), or a name for every overload, or a name prefix ending in '*', a line, then options (approved-when:<rule> in the checks file); ';' or '#' starts a comment.",
        helpLinkUri: HelpLink(MalformedSymbolLineId));

    internal static readonly DiagnosticDescriptor UnknownSymbol = new(
        UnknownSymbolId,
        title: "RiskSdk symbols file names no method of the compilation",
        messageFormat: "'{0}' names no method of this compilation, so it is not treated as {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A documentation-comment ID in a RiskSdk symbols file that resolves to nothing is a typo or a stale entry: the method it meant is not checked.",
        helpLinkUri: HelpLink(UnknownSymbolId));

    internal static readonly DiagnosticDescriptor PlacementAtEntry = new(
        PlacementAtEntryId,
        title: "Order-placement obligation moved to a method no caller reaches",
        messageFormat: "'{0}' is [OrderPlacement] but is reached through {1}, so no caller ever carries the check: put the position-limit check inside '{0}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[OrderPlacement] on a method moves the obligation to check to its callers. On an entry point (Main), a controller action, or a method reached only through a library's dispatch (a MediatR Handle, a MassTransit Consume, a hosted service's ExecuteAsync) there is no caller to carry it, so the order would go out unchecked.",
        helpLinkUri: HelpLink(PlacementAtEntryId));

    internal static readonly DiagnosticDescriptor UndeterminedApproval = new(
        UndeterminedApprovalId,
        title: "Position-limit check whose approval cannot be determined",
        messageFormat: "Position-limit check '{0}' {1}; until then it guards nothing",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A check returning bool, a decision with bool IsApproved, void, a plain task or the value it checked is understood as it is. Any other result (IsAllowed, a tuple, a count of free slots) needs ApprovedWhen on [PositionLimitCheck] (or approved-when: in RiskSdk.PositionChecks.txt): never a silent default.",
        helpLinkUri: HelpLink(UndeterminedApprovalId));

    internal static readonly DiagnosticDescriptor OneApprovalManyOrders = new(
        OneApprovalManyOrdersId,
        title: "One approval guards an order placed on every pass of a loop",
        messageFormat: "'{0}' is placed on every pass of a loop, but the position-limit check that guards it runs before the loop: one approval reserves one slot, not one per order",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "An approval reserves one position slot. An order placed inside a loop body (for, foreach, while, do) whose guarding check is outside that loop, with no check anywhere inside the loop, can send several orders under that one approval. Check inside the loop, once per order; a placement followed at once by break, return or throw is placed at most once and is not reported.",
        helpLinkUri: HelpLink(OneApprovalManyOrdersId));

    private static string HelpLink(string id) => $"https://github.com/risksdk/risksdk/blob/main/docs/rules/{id}.md";
}
