namespace RiskSdk.Generators.Configuration;

/// <summary>This setting's variable must be set when <see cref="OtherProperty"/> equals the value written as <see cref="ValueExpression"/>.</summary>
/// <param name="OtherProperty">The property whose value decides.</param>
/// <param name="ValueExpression">The value as a C# expression (global::-qualified enum member, literal).</param>
/// <param name="ValueDisplay">The value as people write it in the variable (lower-case enum member name, invariant number).</param>
/// <param name="ValueType">The value's type as <see cref="SettingPropertyModel.TypeName"/> spells it (<c>bool</c>, <c>int</c>, an enum's global::-qualified name), <c>null</c> for null, <c>array</c> for an array.</param>
internal sealed record RequiredWhenModel(string OtherProperty, string ValueExpression, string ValueDisplay, string ValueType);
