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
        "'{0}' has no parameterless constructor; the generated Bind creates it with one and sets the properties it reads",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    // Pipeline generator (RISKGEN1xx) descriptors go below, one field each, in id order.
}
