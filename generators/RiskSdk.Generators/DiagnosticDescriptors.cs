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

    // Pipeline generator (RISKGEN1xx) descriptors go below, one field each, in id order.
}
