namespace RiskSdk.Generators.Configuration;

/// <summary>A setting's value under one ready-made risk profile, from <c>[ProfileValue]</c>.</summary>
/// <param name="Profile">The <c>RiskSdk.RiskProfile</c> member name.</param>
/// <param name="ValueExpression">The value as a C# expression of the setting's type.</param>
/// <param name="ValueDisplay">The value as people write it in the variable.</param>
internal sealed record ProfileValueModel(string Profile, string ValueExpression, string ValueDisplay);
