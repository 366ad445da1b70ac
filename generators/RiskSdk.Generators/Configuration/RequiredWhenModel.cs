namespace RiskSdk.Generators.Configuration;

/// <summary>This setting's variable must be set when <see cref="OtherProperty"/> equals the value written as <see cref="ValueExpression"/>.</summary>
/// <param name="OtherProperty">The property whose value decides.</param>
/// <param name="ValueExpression">The value as a C# expression (global::-qualified enum member, literal).</param>
/// <param name="ValueDisplay">The value as people write it in the variable (lower-case enum member name, invariant number).</param>
internal sealed record RequiredWhenModel(string OtherProperty, string ValueExpression, string ValueDisplay);
