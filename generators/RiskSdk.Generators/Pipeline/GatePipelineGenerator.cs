using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// Generates gate pipelines for classes marked <c>[GatePipeline]</c>: the parser turns symbols into an equatable
/// model plus diagnostics as data, and two separate outputs report the diagnostics and emit the source, so an edit
/// elsewhere in the compilation regenerates nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GatePipelineGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                PipelineParser.GatePipelineAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                PipelineParser.Parse)
            .WithTrackingName(PipelineTrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(PipelineTrackingNames.Diagnostics);

        var models = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(PipelineTrackingNames.Model);

        context.RegisterSourceOutput(diagnostics, static (production, found) =>
        {
            foreach (var diagnostic in found)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(models, static (production, model) =>
        {
            if (model is not null)
            {
                production.AddSource(model.HintName, SourceText.From(PipelineEmitter.Emit(model), Encoding.UTF8));
            }
        });
    }
}
