namespace RiskSdk.Benchmarks.Decision;

/// <summary>The standard gates (<see cref="Gates.StandardGates"/>, the set of <see cref="RiskPipeline.CreateDefault"/>), as a generated pipeline.</summary>
[GatePipeline]
public sealed partial class GeneratedDefaultPipeline;
