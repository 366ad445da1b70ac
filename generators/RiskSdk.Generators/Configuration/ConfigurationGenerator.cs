using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RiskSdk.Generators.Configuration;

/// <summary>
/// Generates environment binding for classes marked <c>[EnvironmentSettings]</c>: parse (symbols to an equatable
/// model), add the standard settings read from <c>RiskSettings</c>, emit. Each class is parsed and emitted on its own,
/// so a failure on one never removes another's output. The diagnostics are reported by <see cref="SettingsAnalyzer"/>,
/// which runs the same parser, at real source locations (where <c>#pragma</c> and <c>.editorconfig</c> apply); a class
/// with an error generates nothing, so nothing half-checked is ever generated, even with analyzers turned off.
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
                // A record struct carries the class-only attribute with CS0592; generating for it only added CS0452s.
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword },
                static (target, cancellationToken) =>
                {
                    try
                    {
                        return SettingsParser.Parse(target, cancellationToken);
                    }
                    catch (Exception exception) when (!ClassIsolation.MustPropagate(exception))
                    {
                        return new SettingsParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
                    }
                })
            .WithTrackingName(ConfigurationTrackingNames.Parse);

        // The standard settings, read once per compilation from RiskSettings in the referenced runtime: equal data
        // after an unrelated edit, so every class's completion below stays cached.
        var standard = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => SettingsParser.ParseStandardSettings(compilation, cancellationToken))
            .WithTrackingName(ConfigurationTrackingNames.StandardSettings);

        var models = parsed
            .Combine(standard)
            .Select(static (input, _) => SettingsParser.CompleteModel(input.Left, input.Right))
            .WithTrackingName(ConfigurationTrackingNames.Model);

        var supportsConfiguration = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(ConfigurationInterface) is not null)
            .WithTrackingName(ConfigurationTrackingNames.ConfigurationAdapter);

        context.RegisterSourceOutput(models.Combine(supportsConfiguration), static (production, input) =>
        {
            if (input.Left is not { } model)
            {
                return;
            }

            try
            {
                production.AddSource(model.HintName, SourceText.From(SettingsEmitter.Emit(model, input.Right), Encoding.UTF8));
            }
            catch (Exception exception) when (!ClassIsolation.MustPropagate(exception))
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SettingsGeneratorFailed, null, model.FullyQualifiedName, ClassIsolation.Describe(exception)));
            }
        });
    }
}
