namespace RiskSdk.Configuration;

/// <summary>One variable of bound settings: its description, the value in force (masked for a secret) and where it came from.</summary>
/// <param name="Variable">The variable's description.</param>
/// <param name="DisplayValue">The value in force, invariant culture, <c>***</c> for a secret; null when the setting is off.</param>
/// <param name="Source">Where the value came from.</param>
public sealed record BoundVariable(VariableDescription Variable, string? DisplayValue, ValueSource Source);
