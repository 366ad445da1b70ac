using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RiskSdk.Generators.Configuration;

/// <summary>
/// Turns a class marked <c>[EnvironmentSettings]</c> into a <see cref="SettingsClassModel"/> and the diagnostics
/// found on the way. Nothing Roslyn-specific leaves this class.
/// </summary>
internal static class SettingsParser
{
    public const string EnvironmentSettingsAttribute = "RiskSdk.EnvironmentSettingsAttribute";
    private const string AutoExecSettingsAttribute = "RiskSdk.AutoExecSettingsAttribute";
    private const string EnvironmentVariableAttribute = "RiskSdk.Configuration.EnvironmentVariableAttribute";
    private const string SecretAttribute = "RiskSdk.Configuration.SecretAttribute";
    private const string AtLeastAttribute = "RiskSdk.Configuration.AtLeastAttribute";
    private const string AtMostAttribute = "RiskSdk.Configuration.AtMostAttribute";
    private const string RequiredWhenAttribute = "RiskSdk.Configuration.RequiredWhenAttribute";
    private const string RangeAttribute = "System.ComponentModel.DataAnnotations.RangeAttribute";
    private const string RequiredAttribute = "System.ComponentModel.DataAnnotations.RequiredAttribute";
    private const string DescriptionAttribute = "System.ComponentModel.DescriptionAttribute";
    private const string ProfileValueAttribute = "RiskSdk.Configuration.ProfileValueAttribute";
    private const string RiskSettingsType = "RiskSdk.RiskSettings";

    private static readonly SymbolDisplayFormat QualifiedFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static SettingsParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol type && context.TargetNode is TypeDeclarationSyntax declaration
            ? Parse(type, declaration, context.Attributes.FirstOrDefault(), context.SemanticModel.Compilation, cancellationToken)
            : new SettingsParseResult(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>Parses one settings class: what the generator and <see cref="SettingsAnalyzer"/> both call.</summary>
    public static SettingsParseResult Parse(INamedTypeSymbol type, TypeDeclarationSyntax declaration, AttributeData? marker, Compilation compilation, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var notPartial = FirstNonPartial(type, declaration);
        if (notPartial is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingsClassNotPartial, declaration.Identifier.GetLocation(), type.Name, notPartial));
            return new SettingsParseResult(null, diagnostics.ToEquatableArray());
        }

        for (var container = type; container is not null; container = container.ContainingType)
        {
            if (container.IsFileLocal)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingsClassFileLocal, declaration.Identifier.GetLocation(), type.Name, container.Name));
                return new SettingsParseResult(null, diagnostics.ToEquatableArray());
            }
        }

        if (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            var reason = type.IsAbstract ? "is abstract" : "has no parameterless constructor";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingsClassWithoutParameterlessConstructor, declaration.Identifier.GetLocation(), type.Name, reason));
            return new SettingsParseResult(null, diagnostics.ToEquatableArray());
        }

        var prefix = marker?.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        if (!VariableNames.IsValid(prefix, allowEmpty: true))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidVariableName, AttributeLocation(marker, declaration), prefix, "variable prefix"));
        }

        // A base settings class generates its own members (the derived class's hide them with 'new'); a base marked
        // [AutoExecSettings] already declares the standard settings, which the derived class binds without redeclaring.
        var baseIsSettings = false;
        var inheritsStandard = false;
        for (var ancestor = type.BaseType; ancestor is not null; ancestor = ancestor.BaseType)
        {
            baseIsSettings |= HasAttribute(ancestor, EnvironmentSettingsAttribute);
            inheritsStandard |= HasAttribute(ancestor, AutoExecSettingsAttribute);
        }

        var isAutoExec = inheritsStandard || HasAttribute(type, AutoExecSettingsAttribute);
        var properties = new List<SettingPropertyModel>();
        var locations = new List<PropertyLocation>();
        ReportClashingMembers(type, diagnostics, cancellationToken);
        foreach (var property in SettableProperties(type, compilation, diagnostics, cancellationToken))
        {
            var model = ParseProperty(property, compilation, diagnostics, cancellationToken);
            if (model is not null)
            {
                if (prefix.Length > 1 && prefix.EndsWith("_", StringComparison.Ordinal) && model.VariableName.StartsWith(prefix, StringComparison.Ordinal) && model.VariableName.Length > prefix.Length && HasAttribute(property, EnvironmentVariableAttribute))
                {
                    // [EnvironmentVariable("OI_TRACKER_X")] under "OI_TRACKER_" reads OI_TRACKER_OI_TRACKER_X: the variable people set is ignored.
                    // A name made from the property (DeskCap under DESK_) is left alone: nobody wrote the prefix there.
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.VariableNameRepeatsPrefix, property.Locations.FirstOrDefault(), model.VariableName, model.PropertyName, prefix, prefix + model.VariableName, model.VariableName.Substring(prefix.Length)));
                }

                properties.Add(model);
                locations.Add(new PropertyLocation(model.PropertyName, LocationInfo.From(property.Locations.FirstOrDefault())));
            }
        }

        // Names are written into the generated declarations: a keyword (class @event, namespace @class) keeps its '@'.
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } space ? space.ToDisplayString(NamespaceFormat) : string.Empty;
        var classModel = new SettingsClassModel(
            ns,
            HintName(type),
            Keyword(declaration),
            SettingPropertyModel.Escape(type.Name) + TypeParameters(type),
            type.ToDisplayString(QualifiedFormat),
            ContainingTypes(type),
            prefix,
            isAutoExec,
            properties.ToEquatableArray(),
            baseIsSettings,
            inheritsStandard,
            properties.Any(p => p.IsRequiredMember));
        return new SettingsParseResult(classModel, diagnostics.ToEquatableArray(), locations.ToEquatableArray());
    }

    /// <summary>
    /// Reads the standard settings from <c>RiskSdk.RiskSettings</c> in the referenced runtime, with the same code that
    /// reads a user's properties: each public settable property that names its variable. Empty when the runtime is
    /// not referenced.
    /// </summary>
    public static EquatableArray<SettingPropertyModel> ParseStandardSettings(Compilation compilation, CancellationToken cancellationToken)
    {
        var type = compilation.GetTypeByMetadataName(RiskSettingsType);
        if (type is null)
        {
            return EquatableArray<SettingPropertyModel>.Empty;
        }

        var ignored = new List<DiagnosticInfo>();
        var properties = new List<SettingPropertyModel>();
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public } property && IsBindable(property) &&
                property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == EnvironmentVariableAttribute) &&
                ParseProperty(property, null, ignored, cancellationToken) is { } model)
            {
                properties.Add(model with { IsStandard = true });
            }
        }

        return properties.ToEquatableArray();
    }

    /// <summary>
    /// Adds the standard settings to a class marked <c>[AutoExecSettings]</c> and checks what needs every setting of
    /// the class: clashing variables, a standard property declared again, cross-field rules.
    /// </summary>
    public static SettingsParseResult Complete(SettingsParseResult parsed, EquatableArray<SettingPropertyModel> standard)
    {
        if (parsed.Model is not { } model)
        {
            return parsed;
        }

        var diagnostics = new List<DiagnosticInfo>(parsed.Diagnostics);
        var locations = parsed.Locations.ToDictionary(l => l.PropertyName, l => l.Location, StringComparer.Ordinal);
        var properties = new List<SettingPropertyModel>();
        if (model.IsAutoExec)
        {
            properties.AddRange(standard);
        }

        var redeclared = false;
        foreach (var property in model.Properties)
        {
            locations.TryGetValue(property.PropertyName, out var location);
            if (model.IsAutoExec && standard.Any(s => s.PropertyName == property.PropertyName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StandardSettingRedeclared, location, property.PropertyName, model.Name));
                redeclared = true;
                continue;
            }

            var clash = properties.FirstOrDefault(p => p.VariableName == property.VariableName);
            if (clash is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateVariable, location, clash.PropertyName, property.PropertyName, model.Prefix + property.VariableName));
                continue;
            }

            properties.Add(property);
        }

        if (!properties.Any(p => p.IsProfileSelector))
        {
            foreach (var property in properties.Where(p => p.ProfileValues.Count > 0 && !p.IsStandard))
            {
                // Nothing chooses a profile, so the values are never used, though the description says they are.
                locations.TryGetValue(property.PropertyName, out var location);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingNotBindable, location, property.PropertyName, "its [ProfileValue] is never used: no setting of the class chooses a profile (add [AutoExecSettings], or a RiskProfile? property)"));
            }
        }

        CheckRules(properties, locations, diagnostics);
        return new SettingsParseResult(redeclared ? null : model with { Properties = properties.ToEquatableArray() }, diagnostics.ToEquatableArray());
    }

    /// <summary>The model to generate from: none when the class has any error, so nothing half-checked is generated.</summary>
    public static SettingsClassModel? CompleteModel(SettingsParseResult parsed, EquatableArray<SettingPropertyModel> standard)
    {
        var completed = Complete(parsed, standard);
        foreach (var diagnostic in completed.Diagnostics)
        {
            if (diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                return null;
            }
        }

        return completed.Model;
    }

    /// <summary>The names of the members the generator adds to every settings class, its private ones included: no member of the class can take one.</summary>
    private static readonly string[] GeneratedMemberNames =
    {
        "VariablePrefix", "Variables", "BoundVariables", "SourceOf", "Bind", "BindFromEnvironment", "ToRiskSettings", "Validate", "DescribeVariables", "s_variables", "s_riskSettingsDefaults",
    };

    /// <summary>True for a name the generator uses in every settings class, or for an enum setting's parser field (<c>s_ledgerParser</c>).</summary>
    private static bool IsGeneratedMemberName(string name) =>
        GeneratedMemberNames.Contains(name) || (name.StartsWith("s_", StringComparison.Ordinal) && name.EndsWith("Parser", StringComparison.Ordinal));

    private const string GeneratedMemberNameClash = "the generator adds a member of that name to every settings class; rename the property and keep the variable with [EnvironmentVariable]";

    /// <summary>
    /// RISKGEN011 for a member of the class itself, other than a bindable property (those are checked with the
    /// properties) or a method (an overload compiles; the <c>Validate</c> hook is a method), that is named like a
    /// generated member: a field <c>s_variables</c>, a get-only <c>Variables</c>, a static <c>Validate</c> property
    /// made the generated code fail to compile (CS0102) instead.
    /// </summary>
    private static void ReportClashingMembers(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IMethodSymbol || member.IsImplicitlyDeclared || member is IPropertySymbol { IsStatic: false, IsIndexer: false, SetMethod: not null } || !IsGeneratedMemberName(member.Name) || GeneratedCodeInfo.IsGenerated(member))
            {
                continue;
            }

            if (member.Locations.FirstOrDefault() is { IsInSource: true } location)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingNotBindable, location, member.Name, "the generator adds a member of that name to every settings class; rename it"));
            }
        }
    }

    /// <summary>The attributes that only make sense on a property the generator binds.</summary>
    private static readonly string[] BindingAttributes =
    {
        EnvironmentVariableAttribute, SecretAttribute, AtLeastAttribute, AtMostAttribute, RequiredWhenAttribute, RangeAttribute, RequiredAttribute, ProfileValueAttribute,
    };

    private static bool HasAttribute(ISymbol symbol, string attribute) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);

    /// <summary>
    /// The properties to bind: the class's own and those it inherits (base classes first, a redeclared property once),
    /// each settable from the class. A property the class cannot set, or that is named like a generated member, is
    /// RISKGEN011 when it carries a binding attribute or the name clashes, and is skipped otherwise.
    /// </summary>
    private static IEnumerable<IPropertySymbol> SettableProperties(INamedTypeSymbol type, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var levels = new List<List<IPropertySymbol>>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            foreach (var member in current.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, IsImplicitlyDeclared: false } property || GeneratedCodeInfo.IsGenerated(property) || !seen.Add(property.Name))
                {
                    continue;
                }

                var location = property.Locations.FirstOrDefault();
                var attributed = property.GetAttributes().Any(a => BindingAttributes.Contains(a.AttributeClass?.ToDisplayString()));
                if (property.SetMethod is null || !compilation.IsSymbolAccessibleWithin(property.SetMethod, type))
                {
                    if (attributed && location is { IsInSource: true })
                    {
                        var why = property.SetMethod is null ? "it has no setter (add init)" : "its setter is not accessible from '" + type.Name + "'";
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingNotBindable, location, property.Name, why));
                    }

                    continue;
                }

                if (IsGeneratedMemberName(property.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingNotBindable, location, property.Name, GeneratedMemberNameClash));
                    continue;
                }

                level.Add(property);
            }

            levels.Add(level);
        }

        for (var i = levels.Count - 1; i >= 0; i--)
        {
            foreach (var property in levels[i])
            {
                yield return property;
            }
        }
    }

    private static bool IsBindable(IPropertySymbol property) =>
        property is { IsStatic: false, IsIndexer: false, SetMethod: not null, IsImplicitlyDeclared: false } && !GeneratedCodeInfo.IsGenerated(property);

    private static SettingPropertyModel? ParseProperty(IPropertySymbol property, Compilation? compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var location = property.Locations.FirstOrDefault();
        var attributes = property.GetAttributes();
        AttributeData? Find(string name) => attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == name);

        var variableAttribute = Find(EnvironmentVariableAttribute);
        var variableName = variableAttribute?.ConstructorArguments.FirstOrDefault().Value as string ?? VariableNames.ToUpperSnake(property.Name);
        if (!VariableNames.IsValid(variableName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidVariableName, AttributeLocation(variableAttribute, null) ?? location, variableName, "variable name for '" + property.Name + "'"));
        }

        if (!Classify(property.Type, property.NullableAnnotation, out var kind, out var typeName, out var nullable, out var enumMembers))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSettingType, location, property.Name, property.Type.ToDisplayString()));
            return null;
        }

        var range = ReadRange(Find(RangeAttribute), kind, out var rangeProblem);
        if (rangeProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingNotBindable, location, property.Name, rangeProblem));
        }

        // A C# 'required' member must be set, so its variable must be set: the same as [Required].
        var isRequired = Find(RequiredAttribute) is not null || property.IsRequired;
        var rules = attributes
            .Where(a => a.AttributeClass?.ToDisplayString() is AtLeastAttribute or AtMostAttribute)
            .Select(a => new CrossFieldRuleModel(a.AttributeClass!.ToDisplayString() == AtLeastAttribute, a.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty))
            .ToEquatableArray();
        var requiredWhen = attributes
            .Where(a => a.AttributeClass?.ToDisplayString() == RequiredWhenAttribute && a.ConstructorArguments.Length == 2)
            .Select(a => RequiredWhen(a, property.ContainingType))
            .ToEquatableArray();

        var profileValues = new List<ProfileValueModel>();
        foreach (var attribute in attributes.Where(a => a.AttributeClass?.ToDisplayString() == ProfileValueAttribute && a.ConstructorArguments.Length == 2))
        {
            // Each was dropped without a word (1.5 for an int, a string setting, an undefined profile), or used
            // although the setting's own range forbids it.
            var profileValue = ProfileValue(attribute, kind, typeName);
            var number = attribute.ConstructorArguments[1].Value as double?;
            var profile = attribute.ConstructorArguments[0];
            var profileName = (profile.Type as INamedTypeSymbol)?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, profile.Value))?.Name
                ?? Convert.ToString(profile.Value, CultureInfo.InvariantCulture);
            var written = "[ProfileValue(" + profileName + ", " + number?.ToString("R", CultureInfo.InvariantCulture) + ")]";
            if (profileValue is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingNotBindable, location, property.Name, "its " + written + " is not a value of type " + property.Type.ToDisplayString() + " under a defined profile (profile values are numbers and durations)"));
            }
            else if (range is not null && number is { } value && !range.Contains(value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SettingNotBindable, location, property.Name, "its " + written + " is outside its declared range (" + Describe(range) + ")"));
            }
            else
            {
                profileValues.Add(profileValue);
            }
        }

        var description = Find(DescriptionAttribute)?.ConstructorArguments.FirstOrDefault().Value as string ?? DocumentationSummary.Read(property, cancellationToken);
        if (profileValues.Count > 0)
        {
            description = (description.Length > 0 ? description + " " : string.Empty) +
                "RISK_PROFILE supplies it when unset (" + string.Join(", ", profileValues.Select(p => p.Profile.ToLowerInvariant() + " " + p.ValueDisplay)) + ").";
        }

        if (compilation is not null && range is not null && !isRequired && DefaultValue(property, compilation, kind, nullable, cancellationToken) is { } defaultValue && !range.Contains(defaultValue))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DefaultOutsideRange, location, property.Name, defaultValue.ToString("R", CultureInfo.InvariantCulture), Describe(range)));
        }

        return new SettingPropertyModel(
            property.Name,
            variableName,
            kind,
            typeName,
            nullable,
            enumMembers,
            range,
            isRequired,
            Find(SecretAttribute) is not null,
            description,
            rules,
            requiredWhen,
            profileValues.ToEquatableArray(),
            IsStandard: false,
            IsRequiredMember: property.IsRequired);
    }

    private static bool Classify(ITypeSymbol type, NullableAnnotation annotation, out SettingKind kind, out string typeName, out bool nullable, out EquatableArray<string> enumMembers)
    {
        nullable = false;
        enumMembers = EquatableArray<string>.Empty;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }

        typeName = type.ToDisplayString(QualifiedFormat);
        kind = type.SpecialType switch
        {
            SpecialType.System_Boolean => SettingKind.Boolean,
            SpecialType.System_Int32 => SettingKind.WholeNumber,
            SpecialType.System_Int64 => SettingKind.LongInteger,
            SpecialType.System_Double => SettingKind.Number,
            SpecialType.System_Decimal => SettingKind.DecimalNumber,
            SpecialType.System_String => SettingKind.Text,
            _ => (SettingKind)(-1),
        };
        if (kind == SettingKind.Text)
        {
            nullable = annotation == NullableAnnotation.Annotated;
            return true;
        }

        if (kind >= 0)
        {
            return true;
        }

        if (type.ToDisplayString() == "System.TimeSpan")
        {
            kind = SettingKind.Seconds;
            return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            kind = SettingKind.Enum;
            enumMembers = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToEquatableArray();
            return enumMembers.Count > 0;
        }

        return false;
    }

    /// <summary>
    /// Reads <c>[Range(min, max)]</c> or <c>[Range(typeof(T), "min", "max")]</c> in the setting's unit (seconds for a
    /// duration, so <c>typeof(TimeSpan)</c> bounds such as <c>"00:00:05"</c> become 5). A bound at the edge of the
    /// setting's type (or infinite) means "no bound"; a bound that cannot be read is a problem, never dropped silently.
    /// </summary>
    private static RangeModel? ReadRange(AttributeData? range, SettingKind kind, out string? problem)
    {
        problem = null;
        if (range is null || range.ConstructorArguments.Length < 2)
        {
            return null;
        }

        if (kind is SettingKind.Boolean or SettingKind.Enum or SettingKind.Text)
        {
            // A range nobody checks: the generator compares numbers and durations only.
            problem = "its [Range] applies to numbers and durations only, not to " + (kind == SettingKind.Boolean ? "a boolean" : kind == SettingKind.Enum ? "an enum" : "a string");
            return null;
        }

        var arguments = range.ConstructorArguments;
        double? minimum;
        double? maximum;
        if (arguments.Length == 3)
        {
            var type = arguments[0].Value as ITypeSymbol;
            var isDuration = type?.ToDisplayString() == "System.TimeSpan";
            if (isDuration != (kind == SettingKind.Seconds) || (!isDuration && type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Decimal)))
            {
                problem = "its [Range] is declared for " + (type?.ToDisplayString() ?? "no type") + ", which is not the setting's type";
                return null;
            }

            minimum = isDuration ? Seconds(arguments[1].Value) : ToDouble(arguments[1].Value);
            maximum = isDuration ? Seconds(arguments[2].Value) : ToDouble(arguments[2].Value);
        }
        else
        {
            minimum = ToDouble(arguments[0].Value);
            maximum = ToDouble(arguments[1].Value);
        }

        if (minimum is null || maximum is null)
        {
            problem = "its [Range] bounds cannot be read" + (kind == SettingKind.Seconds ? " (a duration's bounds are seconds, or TimeSpan text with typeof(TimeSpan))" : string.Empty);
            return null;
        }

        bool Flag(string name) => range.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value is true;
        var minimumIsExclusive = Flag("MinimumIsExclusive");
        var maximumIsExclusive = Flag("MaximumIsExclusive");
        if (double.IsNaN(minimum.Value) || double.IsNaN(maximum.Value))
        {
            // Every comparison with NaN is false: the bound would be silently off.
            problem = "its [Range] has a NaN bound";
            return null;
        }

        if (minimum.Value > maximum.Value || (minimum.Value == maximum.Value && (minimumIsExclusive || maximumIsExclusive)))
        {
            // No value could ever be accepted: a required setting would refuse every value at start-up.
            problem = "its [Range] allows no value (minimum " + minimum.Value.ToString("R", CultureInfo.InvariantCulture) + ", maximum " + maximum.Value.ToString("R", CultureInfo.InvariantCulture) + ")";
            return null;
        }

        return new RangeModel(Open(minimum, kind), Open(maximum, kind), minimumIsExclusive, maximumIsExclusive);
    }

    private static double? Seconds(object? value) =>
        value is string text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) ? duration.TotalSeconds : null;

    /// <summary>
    /// A bound at the edge of the setting's type means "no bound": int.MinValue/MaxValue for int (and for durations,
    /// the usual way to leave them open), long.MinValue/MaxValue for long, ±double.MaxValue or infinity for anything.
    /// 5e9 on a long is a bound.
    /// </summary>
    private static double? Open(double? bound, SettingKind kind)
    {
        if (bound is not { } value || double.IsInfinity(value) || Math.Abs(value) == double.MaxValue)
        {
            return null;
        }

        var edge = kind switch
        {
            SettingKind.WholeNumber or SettingKind.Seconds => value is int.MaxValue or int.MinValue,
            SettingKind.LongInteger => value >= long.MaxValue || value <= long.MinValue,
            _ => false,
        };
        return edge ? null : value;
    }

    private static double? ToDouble(object? value) => value switch
    {
        int number => number,
        long number => number,
        double number => number,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static string Describe(RangeModel range) =>
        (range.Minimum is { } min ? (range.MinimumIsExclusive ? "> " : ">= ") + min.ToString("R", CultureInfo.InvariantCulture) : string.Empty) +
        (range.Minimum is not null && range.Maximum is not null ? " and " : string.Empty) +
        (range.Maximum is { } max ? (range.MaximumIsExclusive ? "< " : "<= ") + max.ToString("R", CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>The default as a number (seconds for durations) when the initializer is a constant, <c>TimeSpan.FromSeconds(constant)</c>, or absent.</summary>
    private static double? DefaultValue(IPropertySymbol property, Compilation compilation, SettingKind kind, bool nullable, CancellationToken cancellationToken)
    {
        if (kind is SettingKind.Boolean or SettingKind.Enum or SettingKind.Text)
        {
            return null;
        }

        var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
        if (syntax is null || AssignedByConstructor(property, cancellationToken))
        {
            // A constructor that sets the property decides the default; the generator cannot evaluate it.
            return null;
        }

        if (syntax.Initializer is not { Value: { } value })
        {
            return nullable ? null : 0;
        }

        // The declaration may be in another file of a partial class than the attribute: ask that file's model.
        var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
        return kind == SettingKind.Seconds ? DurationSeconds(value, semanticModel, cancellationToken) : ConstantNumber(value, semanticModel, cancellationToken);
    }

    private static double? ConstantNumber(ExpressionSyntax value, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        NumericLiteral.TryRead(value, out var literal)
            ? ToDouble(Widen(literal))
            : ToDouble(semanticModel.GetConstantValue(value, cancellationToken) is { HasValue: true } constant ? Widen(constant.Value) : null);

    /// <summary>
    /// The seconds of a <c>TimeSpan</c> default written with constants: <c>TimeSpan.FromSeconds(30)</c>, <c>FromMinutes(5)</c>
    /// (and milliseconds, hours, days, ticks), <c>new TimeSpan(0, 5, 0)</c>, <c>TimeSpan.Zero</c>, <c>TimeSpan.MaxValue</c>;
    /// null for anything else (the binder then checks the default at run time).
    /// </summary>
    private static double? DurationSeconds(ExpressionSyntax value, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var symbol = semanticModel.GetSymbolInfo(value, cancellationToken).Symbol;
        if (symbol?.ContainingType?.ToDisplayString() != "System.TimeSpan")
        {
            return null;
        }

        double? Argument(ArgumentListSyntax? list, int index) => list is not null && index < list.Arguments.Count ? ConstantNumber(list.Arguments[index].Expression, semanticModel, cancellationToken) : null;
        switch (value)
        {
            case InvocationExpressionSyntax { ArgumentList: { Arguments.Count: 1 } arguments } when symbol is IMethodSymbol { IsStatic: true } factory:
                double? unit = factory.Name switch
                {
                    "FromTicks" => 1e-7,
                    "FromMilliseconds" => 1e-3,
                    "FromSeconds" => 1,
                    "FromMinutes" => 60,
                    "FromHours" => 3600,
                    "FromDays" => 86400,
                    _ => null,
                };
                return unit is { } scale && Argument(arguments, 0) is { } amount ? amount * scale : null;
            case BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } when symbol is IMethodSymbol { MethodKind: MethodKind.Constructor }:
                var parts = arguments.Arguments.Select((_, i) => Argument(arguments, i)).ToList();
                if (parts.Any(p => p is null))
                {
                    return null;
                }

                var n = parts.Select(p => p!.Value).ToList();
                return n.Count switch
                {
                    1 => n[0] * 1e-7,
                    3 => (n[0] * 3600) + (n[1] * 60) + n[2],
                    4 => (n[0] * 86400) + (n[1] * 3600) + (n[2] * 60) + n[3],
                    5 => (n[0] * 86400) + (n[1] * 3600) + (n[2] * 60) + n[3] + (n[4] * 1e-3),
                    _ => null,
                };
            case MemberAccessExpressionSyntax or IdentifierNameSyntax when symbol is IFieldSymbol { IsStatic: true } field:
                return field.Name switch
                {
                    "Zero" => 0,
                    "MaxValue" => TimeSpan.MaxValue.TotalSeconds,
                    "MinValue" => TimeSpan.MinValue.TotalSeconds,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>True when a constructor of the property's class assigns it (<c>Name = ...</c> or <c>this.Name = ...</c>).</summary>
    private static bool AssignedByConstructor(IPropertySymbol property, CancellationToken cancellationToken)
    {
        foreach (var constructor in property.ContainingType.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                var assigned = reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText == property.Name,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText == property.Name,
                    _ => false,
                });
                if (assigned)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static object? Widen(object? value) => value switch
    {
        decimal number => (double)number,
        float number => (double)number,
        _ => value,
    };

    private static ProfileValueModel? ProfileValue(AttributeData attribute, SettingKind kind, string typeName)
    {
        var profile = attribute.ConstructorArguments[0];
        if (profile.Type is not INamedTypeSymbol enumType || attribute.ConstructorArguments[1].Value is not double value)
        {
            return null;
        }

        var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, profile.Value));
        var display = value.ToString("R", CultureInfo.InvariantCulture);
        string? expression = kind switch
        {
            SettingKind.WholeNumber when value == Math.Floor(value) && value >= int.MinValue && value <= int.MaxValue => display,
            SettingKind.LongInteger when value == Math.Floor(value) && Math.Abs(value) < 9.2e18 => display + "L",
            SettingKind.Number => display + "d",
            SettingKind.DecimalNumber => display + "m",
            SettingKind.Seconds => "global::System.TimeSpan.FromTicks(" + ((long)Math.Round(value * 1e7)).ToString(CultureInfo.InvariantCulture) + "L)",
            _ => null,
        };
        return member is null || expression is null ? null : new ProfileValueModel(member.Name, expression, display);
    }

    private static RequiredWhenModel RequiredWhen(AttributeData attribute, INamedTypeSymbol owner)
    {
        var other = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
        var value = attribute.ConstructorArguments[1];
        if (value.Kind == TypedConstantKind.Array)
        {
            // new[] { Venue.Bse, Venue.Mcx }: one attribute per value is the way to say "any of these".
            return new RequiredWhenModel(other, "null", string.Empty, "array");
        }

        if (value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value));
            var typeName = enumType.ToDisplayString(QualifiedFormat);
            return member is null
                ? new RequiredWhenModel(other, "(" + typeName + ")" + Convert.ToString(value.Value, CultureInfo.InvariantCulture), Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty, typeName)
                : new RequiredWhenModel(other, typeName + "." + SettingPropertyModel.Escape(member.Name), member.Name.ToLowerInvariant(), typeName);
        }

        var valueType = value.Type?.ToDisplayString(QualifiedFormat) ?? "null";
        return value.Value switch
        {
            bool flag => new RequiredWhenModel(other, flag ? "true" : "false", flag ? "true" : "false", valueType),
            string text => new RequiredWhenModel(other, SymbolDisplay.FormatLiteral(text, quote: true), text, valueType),
            null => new RequiredWhenModel(other, "null", "(not set)", "null"),
            IFormattable number => new RequiredWhenModel(other, SymbolDisplay.FormatPrimitive(number, quoteStrings: true, useHexadecimalNumbers: false) ?? "null", number.ToString(null, CultureInfo.InvariantCulture), valueType),
            _ => new RequiredWhenModel(other, "null", value.Value.ToString() ?? string.Empty, valueType),
        };
    }

    /// <summary>Why <paramref name="condition"/>'s value cannot be compared with <paramref name="other"/>, or null when it can.</summary>
    private static string? ValueProblem(SettingPropertyModel other, RequiredWhenModel condition)
    {
        if (condition.ValueType == "array")
        {
            return "is compared with an array; write one [RequiredWhen] per value";
        }

        var compatible = condition.ValueType == other.TypeName
            || (condition.ValueType == "null" && (other.IsNullable || other.Kind == SettingKind.Text))
            || (condition.ValueType == "int" && other.Kind is SettingKind.LongInteger or SettingKind.Number or SettingKind.DecimalNumber)
            || (condition.ValueType == "long" && other.Kind is SettingKind.Number or SettingKind.DecimalNumber);
        return compatible ? null : "is of type " + other.DeclaredType + ", but the value is " + (condition.ValueType == "null" ? "null" : "of type " + condition.ValueType);
    }

    private static void CheckRules(List<SettingPropertyModel> properties, Dictionary<string, LocationInfo?> locations, List<DiagnosticInfo> diagnostics)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.IsStandard)
            {
                continue;
            }

            locations.TryGetValue(property.PropertyName, out var location);
            var keptRules = property.Rules.Where(rule =>
            {
                var problem = RuleProblem(properties, property, rule.OtherProperty, comparison: true);
                if (problem is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCrossFieldMember, location, (rule.AtLeast ? "AtLeast" : "AtMost") + "(\"" + rule.OtherProperty + "\")", property.PropertyName, rule.OtherProperty, problem));
                }

                return problem is null;
            }).ToEquatableArray();
            var keptConditions = property.RequiredWhen.Where(condition =>
            {
                var problem = RuleProblem(properties, property, condition.OtherProperty, comparison: false)
                    ?? ValueProblem(properties.First(p => p.PropertyName == condition.OtherProperty), condition);
                if (problem is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCrossFieldMember, location, "RequiredWhen(\"" + condition.OtherProperty + "\")", property.PropertyName, condition.OtherProperty, problem));
                }

                return problem is null;
            }).ToEquatableArray();
            properties[i] = property with { Rules = keptRules, RequiredWhen = keptConditions };
        }
    }

    private static string? RuleProblem(List<SettingPropertyModel> properties, SettingPropertyModel property, string otherName, bool comparison)
    {
        var other = properties.FirstOrDefault(p => p.PropertyName == otherName);
        if (other is null || other.PropertyName == property.PropertyName)
        {
            return other is null ? "is not a bound setting of this class" : "is the property itself";
        }

        if (comparison && (other.Kind != property.Kind || other.TypeName != property.TypeName || property.Kind is SettingKind.Boolean or SettingKind.Enum or SettingKind.Text))
        {
            return "is not a number or duration of the same type";
        }

        return null;
    }

    private static string? FirstNonPartial(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type.Name;
        }

        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            var isPartial = containing.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial)
            {
                return containing.Name;
            }
        }

        return null;
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol type)
    {
        var types = new List<ContainingTypeModel>();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            var keyword = containing.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().Select(Keyword).FirstOrDefault() ?? "class";
            types.Insert(0, new ContainingTypeModel(keyword, SettingPropertyModel.Escape(containing.Name) + TypeParameters(containing)));
        }

        return types.ToEquatableArray();
    }

    private static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    private static string TypeParameters(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(p => SettingPropertyModel.Escape(p.Name))) + ">";

    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static string HintName(INamedTypeSymbol type)
    {
        var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());
        return safe + ".g.cs";
    }

    private static Location? AttributeLocation(AttributeData? attribute, SyntaxNode? fallback) =>
        attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback?.GetLocation();
}
