namespace RiskSdk.Generators.Configuration;

/// <summary>A type the settings class is nested in: its keyword (<c>class</c>, <c>record</c>, <c>struct</c>) and name with type parameters.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);
