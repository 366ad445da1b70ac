namespace RiskSdk.Generators.Pipeline;

/// <summary>What the parser found for one pipeline class: the model (null when nothing can be generated) and the diagnostics.</summary>
internal sealed record PipelineParseResult(PipelineModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
