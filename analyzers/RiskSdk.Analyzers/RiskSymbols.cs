using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RiskSdk.Analyzers;

/// <summary>
/// What RiskSdk means in one compilation: the attribute and token types, the methods listed in the symbols files,
/// and cached answers to "is this an order placement?" and "is this a position-limit check?". Built once per
/// compilation; safe to query from concurrent callbacks.
/// </summary>
internal sealed class RiskSymbols
{
    private const string PlacementAttributeName = "RiskSdk.OrderPlacementAttribute";
    private const string CheckAttributeName = "RiskSdk.PositionLimitCheckAttribute";
    private const string ApprovalTokenName = "RiskSdk.ApprovalToken";
    private const string MvcControllerAttributeName = "Microsoft.AspNetCore.Mvc.ControllerAttribute";

    private readonly MarkedMethods _placements;
    private readonly MarkedMethods _checks;
    private readonly INamedTypeSymbol? _approvalToken;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _placementCalls = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, CallFlow> _callFlow = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, CheckShape> _shapes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, string> _listedApprovals;
    private readonly ConcurrentDictionary<IMethodSymbol, string?> _exitRules = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, string> _listedExits;
    private readonly InvokeNow _invokeNow;
    private readonly Lazy<PlacementSites> _sites;

    private RiskSymbols(MarkedMethods placements, MarkedMethods checks, INamedTypeSymbol? approvalToken, ImmutableDictionary<string, ImmutableArray<Diagnostic>> fileDiagnostics, Dictionary<IMethodSymbol, string> listedApprovals, Dictionary<IMethodSymbol, string> listedExits, InvokeNow invokeNow, Lazy<PlacementSites> sites, bool hasMvcControllers)
    {
        HasMvcControllers = hasMvcControllers;
        _sites = sites;
        _listedExits = listedExits;
        _invokeNow = invokeNow;
        _listedApprovals = listedApprovals;
        _placements = placements;
        _checks = checks;
        _approvalToken = approvalToken;
        FileDiagnostics = fileDiagnostics;
    }

    /// <summary>RISK003/RISK004 diagnostics found in the symbols files, by file path.</summary>
    public ImmutableDictionary<string, ImmutableArray<Diagnostic>> FileDiagnostics { get; }

    /// <summary>False when nothing can be an order placement in this compilation: the analysis is then skipped.</summary>
    public bool CanPlaceOrders => !_placements.IsEmpty;

    /// <summary>Resolves the attributes and reads the symbols files.</summary>
    public static RiskSymbols Create(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var listedPlacements = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var listedChecks = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var approvals = new Dictionary<IMethodSymbol, string>(SymbolEqualityComparer.Default);
        var exits = new Dictionary<IMethodSymbol, string>(SymbolEqualityComparer.Default);
        var invokeNow = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var diagnostics = new List<Diagnostic>();
        foreach (var file in additionalFiles)
        {
            switch (SymbolsFile.KindOf(file.Path))
            {
                case SymbolsFileKind.Placements:
                    SymbolsFile.Read(file, SymbolsFileKind.Placements, compilation, listedPlacements, exits, diagnostics, cancellationToken);
                    break;
                case SymbolsFileKind.Checks:
                    SymbolsFile.Read(file, SymbolsFileKind.Checks, compilation, listedChecks, approvals, diagnostics, cancellationToken);
                    break;
                case SymbolsFileKind.InvokeNow:
                    SymbolsFile.Read(file, SymbolsFileKind.InvokeNow, compilation, invokeNow, approvals, diagnostics, cancellationToken);
                    break;
            }
        }

        var placementAttribute = compilation.GetTypeByMetadataName(PlacementAttributeName);
        return new RiskSymbols(
            new MarkedMethods(placementAttribute, listedPlacements, followsDispatchIn: compilation, cancellationToken),
            new MarkedMethods(compilation.GetTypeByMetadataName(CheckAttributeName), listedChecks, followsDispatchIn: null, cancellationToken),
            compilation.GetTypeByMetadataName(ApprovalTokenName),
            SymbolsFile.ByPath(diagnostics),
            approvals,
            exits,
            new InvokeNow(invokeNow),
            new Lazy<PlacementSites>(() => new PlacementSites(PlacementNames.Of(compilation, placementAttribute, listedPlacements, cancellationToken)), LazyThreadSafetyMode.ExecutionAndPublication),
            hasMvcControllers: compilation.GetTypeByMetadataName(MvcControllerAttributeName) is not null);
    }

    /// <summary>
    /// True when the compilation sees ASP.NET Core MVC (its <c>ControllerAttribute</c> resolves): MVC's discovery then
    /// also takes a public class named "…Controller" as a controller, with no base class or attribute.
    /// </summary>
    public bool HasMvcControllers { get; }

    /// <summary>
    /// False when no identifier in the text of <paramref name="blocks"/> spells a placement's name: the blocks cannot
    /// place an order and are not analysed (see <see cref="PlacementSites"/>).
    /// </summary>
    public bool MayPlaceIn(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var sites = _sites.Value;
        foreach (var block in blocks)
        {
            if (sites.MayPlaceIn(block.Syntax.SyntaxTree, block.Syntax.Span, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="method"/> is an order placement (marked or listed, also through overrides and interfaces).</summary>
    public bool IsPlacement(IMethodSymbol method) => _placements.Contains(method);

    /// <summary>
    /// The marked or listed implementation a call to the interface or virtual member <paramref name="method"/> may
    /// run, when that is what makes the call a placement; null otherwise.
    /// </summary>
    public IMethodSymbol? PlacementBehind(IMethodSymbol method) => _placements.IsMarkedHere(method.OriginalDefinition) ? null : _placements.DispatchedTo(method);

    /// <summary>The placement marks and list, for rules that look at the declarations themselves.</summary>
    public MarkedMethods Placements => _placements;

    /// <summary>True when <paramref name="method"/> is a position-limit check (marked or listed, also through overrides and interfaces).</summary>
    public bool IsCheck(IMethodSymbol method) => _checks.Contains(method);

    /// <summary>True for a call that must be guarded: an order placement that does not take an approval token.</summary>
    public bool IsGuardedPlacement(IMethodSymbol method) =>
        _placementCalls.TryGetValue(method, out var guarded) ? guarded : _placementCalls.GetOrAdd(method, IsPlacement(method) && !TakesApprovalToken(method));

    /// <summary>True for a call that runs the lambdas passed to it before returning (see <see cref="InvokeNow"/>).</summary>
    public bool RunsDelegatesNow(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation) => _invokeNow.RunsDelegatesNow(invocation);

    /// <summary>True for a call of a placement declared an exit (always, or by its arguments here): it needs no check.</summary>
    public bool IsDeclaredExit(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation) =>
        ExitRuleOf(invocation.TargetMethod) is { } rule && ExitRule.Holds(rule, invocation);

    /// <summary>True for a placement declared exit-only (<c>ReducesExposure</c>, <c>reduces-exposure</c>): no call of it needs a check.</summary>
    public bool IsExitOnly(IMethodSymbol method) => ExitRuleOf(method) == ExitRule.Always;

    private string? ExitRuleOf(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return _exitRules.TryGetValue(definition, out var rule) ? rule : _exitRules.GetOrAdd(definition, ExitRuleOfDefinition(definition));
    }

    private string? ExitRuleOfDefinition(IMethodSymbol definition)
    {
        foreach (var source in MarkedMethods.MarkSources(definition))
        {
            if (_listedExits.TryGetValue(source, out var listed))
            {
                return listed;
            }
        }

        if (ExitRule.Of(_placements.AttributeOf(definition)) is { } declared)
        {
            return declared;
        }

        // A call through an interface follows the exit rule of the marked implementation behind it.
        return _placements.DispatchedTo(definition) is { } implementation && !SymbolEqualityComparer.Default.Equals(implementation, definition)
            ? ExitRuleOf(implementation)
            : null;
    }

    /// <summary>The checks: marks and list, for the declaration rules.</summary>
    public MarkedMethods Checks => _checks;

    /// <summary>How a check's result shows approval, from its type and its declared <c>ApprovedWhen</c>; cached per compilation.</summary>
    public CheckShape ShapeOf(IMethodSymbol check)
    {
        var method = (check.ReducedFrom ?? check).OriginalDefinition;
        return _shapes.TryGetValue(method, out var shape) ? shape : _shapes.GetOrAdd(method, CheckShape.Of(method, ApprovedWhen(method)));
    }

    /// <summary>The declared approval: the file line's <c>approved-when:</c>, else the attribute's <c>ApprovedWhen</c>.</summary>
    private string? ApprovedWhen(IMethodSymbol check)
    {
        foreach (var source in MarkedMethods.MarkSources(check))
        {
            if (_listedApprovals.TryGetValue(source, out var listed))
            {
                return listed;
            }
        }

        return ApprovedWhenOf(_checks.AttributeOf(check));
    }

    /// <summary>The <c>ApprovedWhen</c> named argument of a <c>[PositionLimitCheck]</c>.</summary>
    public static string? ApprovedWhenOf(AttributeData? attribute)
    {
        foreach (var argument in attribute?.NamedArguments ?? ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty)
        {
            if (argument.Key == "ApprovedWhen" && argument.Value.Value is string value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>How a call to <paramref name="method"/> changes control flow; cached per compilation.</summary>
    public CallFlow FlowOf(IMethodSymbol method) => _callFlow.GetOrAdd(method, FlowAttributes.Of);

    /// <summary>True when <paramref name="method"/> has an <c>ApprovalToken</c> parameter: it is guarded by construction.</summary>
    public bool TakesApprovalToken(IMethodSymbol method)
    {
        if (_approvalToken is null)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, _approvalToken))
            {
                return true;
            }
        }

        return false;
    }
}
