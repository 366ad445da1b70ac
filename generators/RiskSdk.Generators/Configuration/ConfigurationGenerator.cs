using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RiskSdk.Generators.Configuration;

/// <summary>
/// Generates environment binding for classes marked <c>[EnvironmentSettings]</c>: parse (symbols to an equatable
/// model plus diagnostics as data), report diagnostics and emit source in two separate outputs, so moving code
/// around re-reports diagnostics without regenerating source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ConfigurationGenerator : IIncrementalGenerator
{
    private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                SettingsParser.EnvironmentSettingsAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                SettingsParser.Parse)
            .WithTrackingName(ConfigurationTrackingNames.Parse);

        // The standard settings, read once per compilation from RiskSettings in the referenced runtime: equal data
        // after an unrelated edit, so every class's completion below stays cached.
        var standard = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => SettingsParser.ParseStandardSettings(compilation, cancellationToken))
            .WithTrackingName(ConfigurationTrackingNames.StandardSettings);

        var completed = parsed
            .Combine(standard)
            .Select(static (input, _) => SettingsParser.Complete(input.Left, input.Right))
            .WithTrackingName(ConfigurationTrackingNames.Complete);

        var diagnostics = completed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(ConfigurationTrackingNames.Diagnostics);

        var models = completed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(ConfigurationTrackingNames.Model);

        var supportsConfiguration = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(ConfigurationInterface) is not null)
            .WithTrackingName(ConfigurationTrackingNames.ConfigurationAdapter);

        context.RegisterSourceOutput(diagnostics, static (production, found) =>
        {
            foreach (var diagnostic in found)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(models.Combine(supportsConfiguration), static (production, input) =>
        {
            if (input.Left is { } model)
            {
                production.AddSource(model.HintName, SourceText.From(SettingsEmitter.Emit(model, input.Right), Encoding.UTF8));
            }
        });
    }
}
