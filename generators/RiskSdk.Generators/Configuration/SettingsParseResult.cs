namespace RiskSdk.Generators.Configuration;

/// <summary>What the parser found for one annotated class: the model (null when nothing can be generated) and the diagnostics.</summary>
internal sealed record SettingsParseResult(SettingsClassModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
