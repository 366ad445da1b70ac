namespace RiskSdk.Generators.Configuration;

/// <summary>One bound property, as plain equatable data.</summary>
/// <param name="PropertyName">The property.</param>
/// <param name="VariableName">The variable after the prefix.</param>
/// <param name="Kind">How the text is parsed.</param>
/// <param name="TypeName">The property's global::-qualified type without nullability (for enums the enum type).</param>
/// <param name="IsNullable">True for <c>T?</c>: unset or empty means null.</param>
/// <param name="EnumMembers">For enums: the member names in declaration order.</param>
/// <param name="Range">The declared range, if any.</param>
/// <param name="IsRequired">True with <c>[Required]</c>.</param>
/// <param name="IsSecret">True with <c>[Secret]</c>.</param>
/// <param name="Description">The XML documentation summary as plain text.</param>
/// <param name="Rules">Comparisons with other settings.</param>
/// <param name="RequiredWhen">Conditions that make the variable required.</param>
/// <param name="Standard">For properties of the standard auto-exec set: how to declare it and map it; null for user properties.</param>
internal sealed record SettingPropertyModel(
    string PropertyName,
    string VariableName,
    SettingKind Kind,
    string TypeName,
    bool IsNullable,
    EquatableArray<string> EnumMembers,
    RangeModel? Range,
    bool IsRequired,
    bool IsSecret,
    string Description,
    EquatableArray<CrossFieldRuleModel> Rules,
    EquatableArray<RequiredWhenModel> RequiredWhen,
    StandardSettingModel? Standard)
{
    /// <summary>The property's type as declared: <c>int</c>, <c>global::System.TimeSpan?</c>.</summary>
    public string DeclaredType => TypeName + (IsNullable ? "?" : string.Empty);
}
