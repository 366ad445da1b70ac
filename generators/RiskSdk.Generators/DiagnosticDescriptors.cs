using Microsoft.CodeAnalysis;

namespace RiskSdk.Generators;

/// <summary>
/// Every diagnostic the generators report, declared once, with stable ids and a help link into the repository's
/// docs. RISKGEN0xx: configuration classes. RISKGEN1xx: gate pipelines. Tracked in AnalyzerReleases.*.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string ConfigurationCategory = "RiskSdk.Configuration";
    public const string PipelineCategory = "RiskSdk.Pipeline";

    private const string HelpLinkBase = "https://github.com/risksdk/risksdk/blob/main/docs/rules/";

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

    // Configuration generator (RISKGEN0xx) descriptors go below, one field each, in id order.

    /// <summary>RISKGEN001: the settings class (or a type containing it) is not partial.</summary>
    public static readonly DiagnosticDescriptor SettingsClassNotPartial = Create(
        "RISKGEN001",
        "Settings class must be partial",
        "'{0}' is marked [EnvironmentSettings] but '{1}' is not declared partial; the generator cannot add the binding code",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN002: two properties read the same variable.</summary>
    public static readonly DiagnosticDescriptor DuplicateVariable = Create(
        "RISKGEN002",
        "Two settings read the same variable",
        "Properties '{0}' and '{1}' both read '{2}'; give one of them another [EnvironmentVariable] name",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN003: a variable name or prefix has characters outside A-Z, 0-9 and _.</summary>
    public static readonly DiagnosticDescriptor InvalidVariableName = Create(
        "RISKGEN003",
        "Invalid environment variable name",
        "'{0}' is not a valid {1}: use only A-Z, 0-9 and _",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN004: the property's type cannot be parsed from a variable.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSettingType = Create(
        "RISKGEN004",
        "Unsupported setting type",
        "'{0}' has type '{1}', which cannot be read from an environment variable; use bool, int, long, double, decimal, TimeSpan (seconds), an enum, string, or a nullable of these",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN005: the default value lies outside the declared [Range].</summary>
    public static readonly DiagnosticDescriptor DefaultOutsideRange = Create(
        "RISKGEN005",
        "Default outside the declared range",
        "The default {1} of '{0}' is outside its declared range ({2})",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN006: a cross-field rule names a member that is not a matching bound setting.</summary>
    public static readonly DiagnosticDescriptor InvalidCrossFieldMember = Create(
        "RISKGEN006",
        "Cross-field rule names an unknown member",
        "[{0}] on '{1}' names '{2}', which {3}",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN007: the settings class has no accessible parameterless constructor.</summary>
    public static readonly DiagnosticDescriptor SettingsClassWithoutParameterlessConstructor = Create(
        "RISKGEN007",
        "Settings class needs a parameterless constructor",
        "'{0}' {1}; the generated Bind creates it with a parameterless constructor and sets the properties it reads",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN008: a class marked [AutoExecSettings] declares a property the standard set already adds.</summary>
    public static readonly DiagnosticDescriptor StandardSettingRedeclared = Create(
        "RISKGEN008",
        "Standard setting declared again",
        "'{0}' is one of the standard settings [AutoExecSettings] adds to '{1}' (described on RiskSettings); remove it, or rename it and give it its own [EnvironmentVariable] name",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN009: the configuration generator failed on one class; every other class is still generated.</summary>
    public static readonly DiagnosticDescriptor SettingsGeneratorFailed = Create(
        "RISKGEN009",
        "Configuration generator failed on a class",
        "The configuration generator could not process '{0}' ({1}); nothing is generated for it, every other class is. Please report this with the declaration.",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN010: the settings class (or a type containing it) is file-local.</summary>
    public static readonly DiagnosticDescriptor SettingsClassFileLocal = Create(
        "RISKGEN010",
        "Settings class cannot be file-local",
        "'{0}' is marked [EnvironmentSettings] but '{1}' is file-local; generated code lives in another file and cannot extend it. Make it internal.",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN011: a property carries binding attributes or a generated member's name but cannot be bound.</summary>
    public static readonly DiagnosticDescriptor SettingNotBindable = Create(
        "RISKGEN011",
        "Setting cannot be bound",
        "'{0}' cannot be bound: {1}",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN012: an [EnvironmentVariable] name that starts with the class's prefix, so the prefix is read twice.</summary>
    public static readonly DiagnosticDescriptor VariableNameRepeatsPrefix = Create(
        "RISKGEN012",
        "Variable name repeats the prefix",
        "The variable name '{0}' of '{1}' starts with the prefix '{2}', so '{1}' is read from '{3}'; give the name without the prefix ('{4}')",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    // Pipeline generator (RISKGEN1xx) descriptors go below, one field each, in id order.

    /// <summary>RISKGEN101: the pipeline lists no position-limit gate.</summary>
    public static readonly DiagnosticDescriptor PipelineWithoutPositionLimit = Create(
        "RISKGEN101",
        "Gate pipeline has no position-limit gate",
        "The gate pipeline '{0}' lists no PositionLimitGate; without it nothing caps open positions. Add typeof(PositionLimitGate) as its last gate.",
        PipelineCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN102: the reserving position-limit gate is not the last gate.</summary>
    public static readonly DiagnosticDescriptor PositionLimitNotLast = Create(
        "RISKGEN102",
        "Reserving gate must be last",
        "PositionLimitGate is gate {0} of {1} in '{2}'; it reserves a position slot, so it must be the last gate, after every pure check has passed",
        PipelineCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN103: the same gate type is listed twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateGate = Create(
        "RISKGEN103",
        "Gate listed twice",
        "'{0}' is listed twice in the gate pipeline '{1}' (gates {2} and {3}); list each gate once",
        PipelineCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN104: the gate type has no usable check method.</summary>
    public static readonly DiagnosticDescriptor UnusableGateType = Create(
        "RISKGEN104",
        "Gate type has no usable check method",
        "'{0}' cannot be a gate of '{1}': {2}. A gate is a class or struct with a method 'GateVerdict Check(in TradeIntent intent)', instance or static, accessible from the pipeline.",
        PipelineCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN105: the pipeline can neither create the gate nor have it passed in.</summary>
    public static readonly DiagnosticDescriptor GateCannotBeConstructed = Create(
        "RISKGEN105",
        "Gate cannot be constructed",
        "The gate pipeline '{1}' cannot get an instance of '{0}': {2}. Give the gate a constructor accessible from the pipeline that takes nothing or only RiskContext, RiskSettings, IPositionBook, TimeProvider or ILogger (the pipeline creates it), or any other accessible constructor (the app passes the gate to the pipeline's constructor), or make its Check method static.",
        PipelineCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN106: the pipeline class (or a type containing it) is not partial, or it is static.</summary>
    public static readonly DiagnosticDescriptor PipelineClassNotPartial = Create(
        "RISKGEN106",
        "Gate pipeline class must be a non-static partial class without a primary constructor",
        "'{0}' is marked [GatePipeline] but '{1}' {2}; the generator adds the pipeline's constructor, Evaluate and Explain to a non-static partial class that declares no primary constructor",
        PipelineCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN107: the kill switch is listed but not first.</summary>
    public static readonly DiagnosticDescriptor KillSwitchNotFirst = Create(
        "RISKGEN107",
        "Kill switch should be the first gate",
        "KillSwitchGate is gate {0} of {1} in '{2}'; put it first so a halted system looks no further",
        PipelineCategory,
        DiagnosticSeverity.Warning);
    /// <summary>RISKGEN108: the pipeline generator failed on one class; every other pipeline is still generated.</summary>
    public static readonly DiagnosticDescriptor PipelineGeneratorFailed = Create(
        "RISKGEN108",
        "Pipeline generator failed on a class",
        "The gate pipeline generator could not process '{0}' ({1}); nothing is generated for it, every other pipeline is. Please report this with the declaration.",
        PipelineCategory,
        DiagnosticSeverity.Error);

    /// <summary>RISKGEN109: the gate list is null or holds null.</summary>
    public static readonly DiagnosticDescriptor NullGate = Create(
        "RISKGEN109",
        "Gate list holds null",
        "The gate list of '{0}' {1}; list each gate as typeof(SomeGate)",
        PipelineCategory,
        DiagnosticSeverity.Error);
}
