namespace RiskSdk.Generators.Pipeline;

/// <summary>One pipeline class to generate, as plain data (no symbols, syntax or locations, so it caches).</summary>
/// <param name="Namespace">The class's namespace; null in the global namespace.</param>
/// <param name="ContainingTypes">The declarations of the types it is nested in, outermost first, e.g. <c>partial class Outer</c>.</param>
/// <param name="Keyword"><c>class</c>, or <c>record</c> for a record class.</param>
/// <param name="ClassName">The class name with its type parameters, e.g. <c>TradingPipeline</c>.</param>
/// <param name="ConstructorName">The class name without type parameters.</param>
/// <param name="ConstructorAccessibility"><c>public</c>, or <c>internal</c> when a supplied gate type is not public.</param>
/// <param name="HintName">The generated file's name, from the fully qualified metadata name.</param>
/// <param name="Gates">The gates in declared order; the position-limit gate is last.</param>
/// <param name="IsDocumented">True when the user's declaration has an XML documentation comment: the generated part then adds no <c>&lt;summary&gt;</c> of its own (two would be merged into one member's documentation).</param>
internal sealed record PipelineModel(
    string? Namespace,
    EquatableArray<string> ContainingTypes,
    string Keyword,
    string ClassName,
    string ConstructorName,
    string ConstructorAccessibility,
    string HintName,
    EquatableArray<GateModel> Gates,
    bool IsDocumented = false);
