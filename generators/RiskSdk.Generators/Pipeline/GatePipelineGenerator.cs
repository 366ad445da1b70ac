using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RiskSdk.Generators.Pipeline;

/// <summary>
/// Generates gate pipelines for classes marked <c>[GatePipeline]</c>: the parser turns symbols into an equatable
/// model, the emitter writes it, so an edit elsewhere in the compilation regenerates nothing. Each class is parsed
/// and emitted on its own, so a failure on one never removes another's output. The diagnostics are reported by
/// <see cref="GatePipelineAnalyzer"/>, which runs the same parser, at real source locations; a pipeline with an error
/// generates nothing.
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
                static (target, cancellationToken) =>
                {
                    try
                    {
                        return PipelineParser.Parse(target, cancellationToken);
                    }
                    catch (Exception exception) when (!ClassIsolation.MustPropagate(exception))
                    {
                        return new PipelineParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
                    }
                })
            .WithTrackingName(PipelineTrackingNames.Parse);

        var models = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(PipelineTrackingNames.Model);

        context.RegisterSourceOutput(models, static (production, model) =>
        {
            if (model is null)
            {
                return;
            }

            try
            {
                production.AddSource(model.HintName, SourceText.From(PipelineEmitter.Emit(model), Encoding.UTF8));
            }
            catch (Exception exception) when (!ClassIsolation.MustPropagate(exception))
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PipelineGeneratorFailed, null, model.HintName, ClassIsolation.Describe(exception)));
            }
        });
    }
}
