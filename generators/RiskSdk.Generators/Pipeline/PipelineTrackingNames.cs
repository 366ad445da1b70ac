namespace RiskSdk.Generators.Pipeline;

/// <summary>Names of the gate-pipeline generator's steps, so tests can assert each one is cached.</summary>
internal static class PipelineTrackingNames
{
    public const string Parse = "Pipeline.Parse";
    public const string Model = "Pipeline.Model";

    public static readonly string[] All = { Parse, Model };
}
