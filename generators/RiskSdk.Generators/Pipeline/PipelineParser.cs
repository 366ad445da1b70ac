using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// Turns a class marked <c>[GatePipeline]</c> into a <see cref="PipelineModel"/> and the diagnostics found on the way.
/// Nothing Roslyn-specific leaves this class. A pipeline with any error yields no model, so no half-right pipeline is
/// ever generated.
/// </summary>
internal static class PipelineParser
{
    public const string GatePipelineAttribute = "RiskSdk.GatePipelineAttribute";
    private const string StandardGatesType = "RiskSdk.Gates.StandardGates";
    private const string GateVerdictType = "RiskSdk.Gates.GateVerdict";
    private const string TradeIntentType = "RiskSdk.TradeIntent";
    private const string ReservingGateType = "RiskSdk.Gates.IReservingGate";
    private const string TimedGateType = "RiskSdk.Gates.ITimedGate";
    private const string AdmittingGateType = "RiskSdk.Gates.IAdmittingGate";
    private const string StagedReservingGateType = "RiskSdk.Gates.IStagedReservingGate";
    internal const string HaltGateType = "RiskSdk.Gates.IHaltGate";
    private const string CheckMethod = "Check";
    private const string GateNameConstant = "GateName";
    private const string PipelineContractType = "RiskSdk.IRiskPipeline";
    private const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    private static readonly SymbolDisplayFormat QualifiedFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static PipelineParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol pipeline && context.TargetNode is TypeDeclarationSyntax declaration
            ? Parse(pipeline, declaration, context.Attributes.FirstOrDefault(), context.SemanticModel.Compilation, cancellationToken)
            : new PipelineParseResult(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>Parses one pipeline class: what the generator and <see cref="GatePipelineAnalyzer"/> both call.</summary>
    public static PipelineParseResult Parse(INamedTypeSymbol pipeline, TypeDeclarationSyntax declaration, AttributeData? attribute, Compilation compilation, CancellationToken cancellationToken)
    {
        if (pipeline.TypeKind != TypeKind.Class)
        {
            return new PipelineParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        if (ShapeProblem(pipeline, declaration) is { } shape)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineClassNotPartial, declaration.Identifier.GetLocation(), pipeline.Name, shape.Type, shape.Problem));
        }

        if (attribute is null || IsRepeated(pipeline))
        {
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }

        if (NullGateProblem(attribute) is { } nullGate)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NullGate, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? declaration.Identifier.GetLocation(), pipeline.Name, nullGate));
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }

        if (!TryReadGateTypes(attribute, out var gateTypes))
        {
            // The attribute does not bind yet (the code is being typed): the compiler reports that.
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }

        if (gateTypes.Count == 0 && !TryReadStandardGates(compilation, out gateTypes))
        {
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }
        var known = new KnownTypes(compilation);
        if (known.GateVerdict is null || known.TradeIntent is null)
        {
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }

        if (gateTypes.Any(IsObsoleteAsError))
        {
            // The compiler reports CS0619 at the typeof in the user's list; generated code naming the type would only
            // repeat it inside a generated file.
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }

        var gateLocations = GateArgumentLocations(attribute, declaration, gateTypes.Count);
        CheckOrder(pipeline, declaration, gateTypes, gateLocations, known, diagnostics);

        var names = new MemberNames();
        var gates = new List<GateModel>(gateTypes.Count);
        var constructorIsPublic = true;
        for (var i = 0; i < gateTypes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gate = ParseGate(gateTypes[i], pipeline, compilation, known, names, gateLocations[i], diagnostics);
            if (gate is not null)
            {
                gates.Add(gate);
                constructorIsPublic &= gate.Creation != GateCreation.Supplied || IsEffectivelyPublic(gateTypes[i]);
            }
        }

        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }

        if (GeneratedMemberClash(pipeline, gates, compilation) is { } clash)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineClassNotPartial, declaration.Identifier.GetLocation(), pipeline.Name, pipeline.Name, clash));
            return new PipelineParseResult(null, diagnostics.ToEquatableArray());
        }

        var model = new PipelineModel(
            NamespaceName(pipeline.ContainingNamespace),
            ContainingTypeDeclarations(pipeline).ToEquatableArray(),
            pipeline.IsRecord ? "record" : "class",
            NameWithTypeParameters(pipeline),
            Identifier(pipeline.Name),
            constructorIsPublic ? "public" : "internal",
            HintName(pipeline),
            gates.ToEquatableArray(),
            pipeline.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken).GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))));
        return new PipelineParseResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// True when the attribute sits on more than one part of the class (the compiler reports CS0579); generating for
    /// each part would add the same file twice.
    /// </summary>
    private static bool IsRepeated(INamedTypeSymbol pipeline) =>
        pipeline.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() == GatePipelineAttribute) > 1;

    /// <summary>
    /// A member of the user's class that the generated part would declare again (CS0102/CS0111 inside a generated
    /// file): <c>_context</c>, <c>_admitting</c>, <c>Context</c>, <c>Evaluate</c>, its private steps <c>EvaluateMeasured</c>, <c>Decide</c>,
    /// <c>DecideScreened</c>, <c>AdmitAccepted</c>, <c>AdmitReserved</c> and <c>GiveBackAdmission</c>, <c>Explain</c>, a gate's field, or a constructor with the
    /// generated one's parameters. Null when there is none.
    /// </summary>
    private static string? GeneratedMemberClash(INamedTypeSymbol pipeline, List<GateModel> gates, Compilation compilation)
    {
        var generated = new HashSet<string>(System.StringComparer.Ordinal) { "_context", "_admitting", "Context", "Evaluate", "EvaluateMeasured", "Decide", "DecideScreened", "AdmitAccepted", "AdmitReserved", "GiveBackAdmission", "Explain" };
        foreach (var gate in gates.Where(g => g.Creation != GateCreation.Static))
        {
            generated.Add(gate.FieldName);
        }

        if (pipeline.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Configuration.SettingsParser.EnvironmentSettingsAttribute))
        {
            // The settings binder creates the class with new T() (and checks that it can); the pipeline's generated
            // constructor would take that parameterless constructor away (CS7036 in the binder's generated file).
            return "is also marked [EnvironmentSettings]; the settings binder needs a parameterless constructor, which the pipeline's generated constructor takes away. Declare the settings and the pipeline as two classes";
        }

        if (generated.Contains(pipeline.Name))
        {
            // A member may not be named like its enclosing type (CS0542).
            return "is named like '" + pipeline.Name + "', a member the generated part adds; rename the class";
        }

        var parameters = new List<string> { "global::RiskSdk.RiskContext" };
        parameters.AddRange(gates.Where(g => g.Creation == GateCreation.Supplied).Select(g => g.TypeName));
        foreach (var member in pipeline.GetMembers())
        {
            if (member.IsImplicitlyDeclared || GeneratedCodeInfo.IsGenerated(member))
            {
                continue;
            }

            if (generated.Contains(member.Name))
            {
                return "declares '" + member.Name + "', a member the generated part adds; rename it";
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor &&
                constructor.Parameters.Select(p => p.Type.ToDisplayString(QualifiedFormat)).SequenceEqual(parameters))
            {
                return "declares the constructor the generated part adds (" + string.Join(", ", constructor.Parameters.Select(p => p.Type.Name)) + "); remove it, or give it other parameters";
            }

            // An explicit implementation would be what every caller through the pipeline contract reaches, not the
            // generated Evaluate (or Context, or Explain): the declared gates would be skipped.
            if (ExplicitlyImplemented(member).FirstOrDefault(m => m.ContainingType.ToDisplayString() == PipelineContractType) is { } contractMember)
            {
                return "implements IRiskPipeline." + contractMember.Name + " itself, which callers through IRiskPipeline would reach instead of the generated gates; remove it";
            }
        }

        return BaseTypeProblem(pipeline, generated, compilation);
    }

    /// <summary>
    /// What about the pipeline's base class breaks the generated part: no constructor the generated one can chain to
    /// without arguments (CS7036), or an inherited member the generated part would hide (CS0108: a pipeline deriving from
    /// another pipeline, or from a class with an Evaluate of its own). Null when there is nothing.
    /// </summary>
    private static string? BaseTypeProblem(INamedTypeSymbol pipeline, HashSet<string> generated, Compilation compilation)
    {
        var baseType = pipeline.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object || baseType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        // What the generator adds is not in the compilation it sees, but is in the one the analyzer sees: generated
        // members are left out, so both find the same problems.
        for (var type = baseType; type is not null; type = type.BaseType)
        {
            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == GatePipelineAttribute))
            {
                return "derives from '" + type.Name + "', a gate pipeline itself, whose constructor, Evaluate and Explain the generated part would hide; a pipeline cannot derive from another pipeline, list the gates again instead";
            }
        }

        if (!baseType.InstanceConstructors.Any(c => !GeneratedCodeInfo.IsGenerated(c) && compilation.IsSymbolAccessibleWithin(c, pipeline) && c.Parameters.All(p => p.IsOptional || p.IsParams)))
        {
            return "derives from '" + baseType.Name + "', which has no constructor accessible to it that takes no arguments, so the generated constructor cannot call one; give the base class one, or do not derive from it";
        }

        for (var type = baseType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (!member.IsImplicitlyDeclared && !GeneratedCodeInfo.IsGenerated(member) && generated.Contains(member.Name) && compilation.IsSymbolAccessibleWithin(member, pipeline))
                {
                    return "inherits '" + member.Name + "' from '" + type.Name + "', which the generated part would hide; rename it in the base class, or do not derive from it";
                }
            }
        }

        return null;
    }

    private static IEnumerable<ISymbol> ExplicitlyImplemented(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations,
        IPropertySymbol property => property.ExplicitInterfaceImplementations,
        _ => Enumerable.Empty<ISymbol>(),
    };

    /// <summary>What is null about the gate list (<c>[GatePipeline(null!)]</c>, <c>typeof(A), null</c>), or null when nothing is.</summary>
    internal static string? NullGateProblem(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return null;
        }

        var list = attribute.ConstructorArguments[0];
        if (list.IsNull)
        {
            return "is null";
        }

        for (var i = 0; i < list.Values.Length; i++)
        {
            if (list.Values[i].IsNull)
            {
                return "holds null as gate " + Ordinal(i);
            }
        }

        return null;
    }

    private static bool TryReadGateTypes(AttributeData attribute, out List<ITypeSymbol> gateTypes)
    {
        gateTypes = new List<ITypeSymbol>();
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return false;
        }

        foreach (var value in attribute.ConstructorArguments[0].Values)
        {
            if (value.Value is not ITypeSymbol type || !Binds(type))
            {
                return false;
            }

            gateTypes.Add(type);
        }

        return true;
    }

    /// <summary>
    /// False for a type the compiler already refuses at the user's <c>typeof</c>, which generated code naming it would
    /// only repeat: one that does not bind (<c>Gate&lt;Missing&gt;</c>), or with a pointer as a type argument (CS0306).
    /// </summary>
    private static bool Binds(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer } => false,
        IArrayTypeSymbol array => Binds(array.ElementType),
        // An open generic type's arguments are error symbols; RISKGEN104 says what to list instead.
        INamedTypeSymbol { IsUnboundGenericType: true } => true,
        INamedTypeSymbol named => named.TypeArguments.All(Binds) && (named.ContainingType is null || Binds(named.ContainingType)),
        _ => true,
    };

    /// <summary>
    /// <c>[GatePipeline]</c> with no gates means the standard set, which the runtime declares once as the
    /// <c>[GatePipeline(...)]</c> of <c>RiskSdk.Gates.StandardGates</c>.
    /// </summary>
    private static bool TryReadStandardGates(Compilation compilation, out List<ITypeSymbol> gateTypes)
    {
        gateTypes = new List<ITypeSymbol>();
        var standard = compilation.GetTypeByMetadataName(StandardGatesType)?.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == GatePipelineAttribute);
        return standard is not null && TryReadGateTypes(standard, out gateTypes) && gateTypes.Count > 0;
    }

    private static (string Type, string Problem)? ShapeProblem(INamedTypeSymbol pipeline, TypeDeclarationSyntax declaration)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return (pipeline.Name, "is not declared partial");
        }

        if (pipeline.IsStatic)
        {
            return (pipeline.Name, "is static");
        }

        for (var type = pipeline; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                return (type.Name, "is file-local (generated code lives in another file and cannot extend it)");
            }
        }

        foreach (var part in pipeline.DeclaringSyntaxReferences)
        {
            // The generated constructor could not chain to a primary constructor the generator knows nothing of (CS8862).
            if (part.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null })
            {
                return (pipeline.Name, "declares a primary constructor");
            }
        }

        foreach (var container in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!container.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return (container.Identifier.ValueText, "contains it and is not declared partial");
            }
        }

        return null;
    }

    private static void CheckOrder(INamedTypeSymbol pipeline, TypeDeclarationSyntax declaration, List<ITypeSymbol> gateTypes, List<Location> locations, KnownTypes known, List<DiagnosticInfo> diagnostics)
    {
        var positionLimit = -1;
        for (var i = 0; i < gateTypes.Count; i++)
        {
            for (var earlier = 0; earlier < i; earlier++)
            {
                if (SameRuntimeType(gateTypes[earlier], gateTypes[i]))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateGate, locations[i], gateTypes[i].Name, pipeline.Name, Ordinal(earlier), Ordinal(i)));
                    break;
                }
            }

            if (Implements(gateTypes[i], known.ReservingGate) && positionLimit < 0)
            {
                positionLimit = i;
                if (i != gateTypes.Count - 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PositionLimitNotLast, locations[i], Ordinal(i), Ordinal(gateTypes.Count - 1), pipeline.Name));
                }
            }
        }

        if (positionLimit < 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineWithoutPositionLimit, declaration.Identifier.GetLocation(), pipeline.Name));
        }
    }

    /// <summary>
    /// True when two types are one type at run time: equal symbols, or equal once tuple element names are set aside
    /// (<c>Gate&lt;(int a, int b)&gt;</c> is <c>Gate&lt;(int, int)&gt;</c>).
    /// </summary>
    private static bool SameRuntimeType(ITypeSymbol first, ITypeSymbol second)
    {
        if (SymbolEqualityComparer.Default.Equals(first, second))
        {
            return true;
        }

        return (first, second) switch
        {
            (INamedTypeSymbol a, INamedTypeSymbol b) =>
                SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition)
                && (a.ContainingType is null) == (b.ContainingType is null)
                && (a.ContainingType is null || SameRuntimeType(a.ContainingType, b.ContainingType!))
                && a.TypeArguments.Length == b.TypeArguments.Length
                && a.TypeArguments.Zip(b.TypeArguments, SameRuntimeType).All(same => same),
            (IArrayTypeSymbol a, IArrayTypeSymbol b) => a.Rank == b.Rank && SameRuntimeType(a.ElementType, b.ElementType),
            _ => false,
        };
    }

    private static GateModel? ParseGate(ITypeSymbol type, INamedTypeSymbol pipeline, Compilation compilation, KnownTypes known, MemberNames names, Location location, List<DiagnosticInfo> diagnostics)
    {
        if (UnusableReason(type, pipeline, compilation) is { } unusable)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableGateType, location, type.ToDisplayString(), pipeline.Name, unusable));
            return null;
        }

        var check = FindCheckMethod(type, pipeline, compilation, known, accessibleOnly: true);
        if (check is not null && IsObsoleteAsError(check))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableGateType, location, type.ToDisplayString(), pipeline.Name, "its Check method is [Obsolete] as an error, so the pipeline cannot call it"));
            return null;
        }

        if (check is null)
        {
            var hidden = FindCheckMethod(type, pipeline, compilation, known, accessibleOnly: false);
            var reason = hidden is null
                ? (type.Locations.Any(l => l.IsInSource) || type.ContainingAssembly is null
                    ? "it has no such method"
                    : "it has no such method that this project can see (of a type from another assembly only the public and protected members are visible: a Check method internal to '" + type.ContainingAssembly.Name + "' is inaccessible here; make it public)")
                : "its Check method is " + SyntaxFacts.GetText(hidden.DeclaredAccessibility) + (hidden.ContainingAssembly.Equals(pipeline.ContainingAssembly, SymbolEqualityComparer.Default) ? string.Empty : " to assembly '" + hidden.ContainingAssembly.Name + "'") + ", so the pipeline cannot call it";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableGateType, location, type.ToDisplayString(), pipeline.Name, reason));
            return null;
        }

        var typeName = type.ToDisplayString(QualifiedFormat);
        var role = Implements(type, known.ReservingGate) ? GateRole.Reserving : GateRole.Check;
        var isAdmitting = role == GateRole.Check && Implements(type, known.AdmittingGate);
        if (isAdmitting && type.IsValueType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableGateType, location, type.ToDisplayString(), pipeline.Name, "it takes state at admission (IAdmittingGate) but is a struct, whose copy would take and undo state apart from the gate that checks; make it a class"));
            return null;
        }

        var (field, parameter) = names.For(type.Name);

        // A fault names the gate as its GateName constant does; without one, as an instance gate's Name says at run
        // time (as RiskPipeline does), else by its type's name.
        var nameExpression = HasGateNameConstant(type, pipeline, compilation)
            ? typeName + "." + GateNameConstant
            : !check.IsStatic && Implements(type, known.RiskGate)
                ? "global::RiskSdk.Generated.PipelineDecisions.NameOf(" + field + ")"
                : SymbolDisplay.FormatLiteral(type.Name, quote: true);
        var isTimed = role == GateRole.Check && Implements(type, known.TimedGate);
        var admitsInSteps = role == GateRole.Reserving && Implements(type, known.StagedReservingGate);

        // A role interface (reserving, timed, admitting) is called on an instance, even when the plain Check is static.
        var needsInstance = role == GateRole.Reserving || isTimed || isAdmitting;
        if (check.IsStatic && !needsInstance)
        {
            return new GateModel(typeName, nameExpression, field, parameter, role, isTimed, isAdmitting, GateCreation.Static, EquatableArray<string>.Empty, type.IsValueType, admitsInSteps);
        }

        if (type.IsAbstract || type.TypeKind == TypeKind.Interface)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableGateType, location, type.ToDisplayString(), pipeline.Name, check.IsStatic
                ? "it implements a gate role interface, which the pipeline calls on an instance, but it is an interface or abstract class; list the concrete gate type"
                : "its Check method is an instance method of an interface or abstract class, which would be called through virtual dispatch; list the concrete gate type"));
            return null;
        }

        if (type.IsRefLikeType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableGateType, location, type.ToDisplayString(), pipeline.Name, "it is a ref struct, which the pipeline (a class) cannot hold in a field; make it a struct or a class, or its Check method static"));
            return null;
        }

        var accessible = ((INamedTypeSymbol)type).InstanceConstructors
            .Where(c => compilation.IsSymbolAccessibleWithin(c, pipeline) && !IsObsoleteAsError(c))
            .ToList();

        // A type with required members is created only through a constructor that sets them ([SetsRequiredMembers]); with
        // any other, new Gate(...) would not compile (CS9035), so the app builds it and passes it in.
        var hasRequiredMembers = HasRequiredMembers(type);
        var created = accessible
            .Where(c => !hasRequiredMembers || c.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SetsRequiredMembersAttribute))
            .Select(c => (Constructor: c, Arguments: ContextArguments(c, known)))
            .Where(c => c.Arguments is not null)
            .OrderByDescending(c => c.Arguments!.Count)
            .FirstOrDefault();
        if (created.Arguments is not null)
        {
            return new GateModel(typeName, nameExpression, field, parameter, role, isTimed, isAdmitting, GateCreation.Created, created.Arguments.ToEquatableArray(), type.IsValueType, admitsInSteps, check.IsStatic);
        }

        if (accessible.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GateCannotBeConstructed, location, type.ToDisplayString(), pipeline.Name, "it has no constructor accessible from the pipeline, and its Check method is not static"));
            return null;
        }

        if (!IsAtLeastInternal(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GateCannotBeConstructed, location, type.ToDisplayString(), pipeline.Name, "its constructors need arguments the context cannot give, and the type is too private to be a parameter of the pipeline's constructor"));
            return null;
        }

        return new GateModel(typeName, nameExpression, field, parameter, role, isTimed, isAdmitting, GateCreation.Supplied, EquatableArray<string>.Empty, type.IsValueType, admitsInSteps, check.IsStatic);
    }

    private static string? UnusableReason(ITypeSymbol type, INamedTypeSymbol pipeline, Compilation compilation)
    {
        if (type is not INamedTypeSymbol named || type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || type.SpecialType == SpecialType.System_Void)
        {
            return "it is not a class or struct";
        }

        if (named.IsUnboundGenericType)
        {
            return "it is an open generic type; list a constructed type such as Gate<int>";
        }

        for (var container = named; container is not null; container = container.ContainingType)
        {
            if (container.IsFileLocal)
            {
                return "it is file-local, so the generated pipeline, in a file of its own, cannot name it; make it internal";
            }
        }

        if (!compilation.IsSymbolAccessibleWithin(type, pipeline))
        {
            return "it is not accessible from the pipeline";
        }

        if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == GatePipelineAttribute))
        {
            // Its generated constructor replaces the one it seems to have now: new Pipeline() would not compile.
            return "it is a gate pipeline itself; list its gates instead";
        }

        return null;
    }

    private static IMethodSymbol? FindCheckMethod(ITypeSymbol type, INamedTypeSymbol pipeline, Compilation compilation, KnownTypes known, bool accessibleOnly)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(CheckMethod))
            {
                if (member is IMethodSymbol { IsGenericMethod: false, ReturnsByRef: false, ReturnsByRefReadonly: false, Parameters.Length: 1 } method
                    && !(method.IsStatic && method.IsAbstract)
                    && method.Parameters[0].RefKind == RefKind.In
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, known.TradeIntent)
                    && SymbolEqualityComparer.Default.Equals(method.ReturnType, known.GateVerdict)
                    && (!accessibleOnly || compilation.IsSymbolAccessibleWithin(method, pipeline)))
                {
                    return method;
                }
            }
        }

        return null;
    }

    /// <summary>True for a symbol (or a type containing it) marked <c>[Obsolete(..., error: true)]</c>: code naming it does not compile (CS0619).</summary>
    private static bool IsObsoleteAsError(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute"
                && a.ConstructorArguments.Length == 2 && a.ConstructorArguments[1].Value is true))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasRequiredMembers(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol? contract) =>
        contract is not null && type.AllInterfaces.Contains(contract, SymbolEqualityComparer.Default);

    private static bool HasGateNameConstant(ITypeSymbol type, INamedTypeSymbol pipeline, Compilation compilation) =>
        type.GetMembers(GateNameConstant).Any(member =>
            member is IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_String } field
            && compilation.IsSymbolAccessibleWithin(field, pipeline));

    /// <summary>The arguments that fill <paramref name="constructor"/> from the context, or null when a parameter cannot be filled.</summary>
    private static List<string>? ContextArguments(IMethodSymbol constructor, KnownTypes known)
    {
        var arguments = new List<string>(constructor.Parameters.Length);
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.RefKind != RefKind.None || known.ContextExpression(parameter.Type) is not { } expression)
            {
                return null;
            }

            arguments.Add(expression);
        }

        return arguments;
    }

    private static List<Location> GateArgumentLocations(AttributeData attribute, TypeDeclarationSyntax declaration, int count)
    {
        var fallback = declaration.Identifier.GetLocation();
        return Enumerable.Range(0, count).Select(i => GateArgumentLocation(attribute, i, count) ?? fallback).ToList();
    }

    /// <summary>
    /// Where gate <paramref name="index"/> of <paramref name="count"/> is written: its <c>typeof(...)</c> argument, or
    /// the whole attribute when the arguments are not written one per gate; null when the attribute has no syntax.
    /// </summary>
    internal static Location? GateArgumentLocation(AttributeData attribute, int index, int count)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return null;
        }

        return syntax.ArgumentList is { } list && list.Arguments.Count == count
            ? list.Arguments[index].GetLocation()
            : syntax.GetLocation();
    }

    private static IEnumerable<string> ContainingTypeDeclarations(INamedTypeSymbol pipeline)
    {
        var containers = new Stack<INamedTypeSymbol>();
        for (var container = pipeline.ContainingType; container is not null; container = container.ContainingType)
        {
            containers.Push(container);
        }

        foreach (var container in containers)
        {
            var keyword = container.TypeKind switch
            {
                TypeKind.Struct when container.IsRecord => "record struct",
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ when container.IsRecord => "record",
                _ => "class",
            };
            yield return "partial " + keyword + " " + NameWithTypeParameters(container);
        }
    }

    private static string NameWithTypeParameters(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0
            ? Identifier(type.Name)
            : Identifier(type.Name) + "<" + string.Join(", ", type.TypeParameters.Select(p => Identifier(p.Name))) + ">";

    /// <summary>A name as C# source writes it: a keyword or contextual keyword (<c>@class</c>, <c>@record</c>) escaped with <c>@</c>.</summary>
    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The namespace as a <c>namespace</c> declaration writes it, each part escaped; null for the global namespace.</summary>
    private static string? NamespaceName(INamespaceSymbol ns)
    {
        var parts = new Stack<string>();
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            parts.Push(Identifier(current.Name));
        }

        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    private static string HintName(INamedTypeSymbol pipeline)
    {
        var parts = new Stack<string>();
        for (var type = pipeline; type is not null; type = type.ContainingType)
        {
            parts.Push(type.MetadataName);
        }

        if (!pipeline.ContainingNamespace.IsGlobalNamespace)
        {
            parts.Push(pipeline.ContainingNamespace.ToDisplayString());
        }

        var name = string.Join(".", parts);
        return new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '`' ? c : '_').ToArray()) + ".g.cs";
    }

    private static bool IsEffectivelyPublic(ITypeSymbol type)
    {
        for (ISymbol? symbol = type; symbol is INamedTypeSymbol; symbol = symbol.ContainingType)
        {
            if (symbol.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAtLeastInternal(ITypeSymbol type)
    {
        for (ISymbol? symbol = type; symbol is INamedTypeSymbol; symbol = symbol.ContainingType)
        {
            if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A zero-based index as the one-based position a message names ("gate 2 of 3").</summary>
    internal static string Ordinal(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The runtime types the parser compares against, looked up once per pipeline.</summary>
    private sealed class KnownTypes
    {
        private readonly (INamedTypeSymbol? Type, string Expression)[] _contextServices;

        public KnownTypes(Compilation compilation)
        {
            GateVerdict = compilation.GetTypeByMetadataName(GateVerdictType);
            TradeIntent = compilation.GetTypeByMetadataName(TradeIntentType);
            ReservingGate = compilation.GetTypeByMetadataName(ReservingGateType);
            TimedGate = compilation.GetTypeByMetadataName(TimedGateType);
            AdmittingGate = compilation.GetTypeByMetadataName(AdmittingGateType);
            StagedReservingGate = compilation.GetTypeByMetadataName(StagedReservingGateType);
            RiskGate = compilation.GetTypeByMetadataName("RiskSdk.Gates.IRiskGate");
            DecisionClock = compilation.GetTypeByMetadataName("RiskSdk.Gates.DecisionClock");
            _contextServices = new[]
            {
                (compilation.GetTypeByMetadataName("RiskSdk.RiskContext"), "context"),
                (compilation.GetTypeByMetadataName("RiskSdk.RiskSettings"), "context.Settings"),
                (compilation.GetTypeByMetadataName("RiskSdk.Positions.IPositionBook"), "context.Book"),
                (compilation.GetTypeByMetadataName("System.TimeProvider"), "context.Time"),
                (compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"), "context.Logger"),
            };
        }

        public INamedTypeSymbol? GateVerdict { get; }

        public INamedTypeSymbol? TradeIntent { get; }

        /// <summary>The admitting gate's role: it takes the slot and runs the admitting gates.</summary>
        public INamedTypeSymbol? ReservingGate { get; }

        /// <summary>A check that needs the decision's clock.</summary>
        public INamedTypeSymbol? TimedGate { get; }

        /// <summary>A gate that takes state at admission and can undo it.</summary>
        public INamedTypeSymbol? AdmittingGate { get; }

        /// <summary>Any gate with a name (<c>RiskSdk.Gates.IRiskGate</c>).</summary>
        public INamedTypeSymbol? RiskGate { get; }

        /// <summary>A reserving gate whose admission the pipeline writes out step by step (absent from an older runtime).</summary>
        public INamedTypeSymbol? StagedReservingGate { get; }

        public INamedTypeSymbol? DecisionClock { get; }

        public string? ContextExpression(ITypeSymbol parameterType)
        {
            foreach (var (type, expression) in _contextServices)
            {
                if (type is not null && SymbolEqualityComparer.Default.Equals(type, parameterType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
                {
                    return expression;
                }
            }

            return null;
        }
    }
}
