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
/// <param name="Description">The <c>[Description]</c>, or else the XML documentation summary, as plain text.</param>
/// <param name="Rules">Comparisons with other settings.</param>
/// <param name="RequiredWhen">Conditions that make the variable required.</param>
/// <param name="ProfileValues">Its values under the ready-made risk profiles, from <c>[ProfileValue]</c>.</param>
/// <param name="IsStandard">True for a setting read from <c>RiskSdk.RiskSettings</c> and added by <c>[AutoExecSettings]</c>.</param>
/// <param name="IsRequiredMember">True for a C# <c>required</c> member: every object creation must set it.</param>
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
    EquatableArray<ProfileValueModel> ProfileValues,
    bool IsStandard,
    bool IsRequiredMember = false)
{
    /// <summary>The global::-qualified name of the profile enum; a nullable property of this type selects the profile.</summary>
    public const string ProfileType = "global::RiskSdk.RiskProfile";

    /// <summary>The property's type as declared: <c>int</c>, <c>global::System.TimeSpan?</c>.</summary>
    public string DeclaredType => TypeName + (IsNullable ? "?" : string.Empty);

    /// <summary>The property's name as a C# identifier: <c>@default</c> for a keyword.</summary>
    public string Identifier => Escape(PropertyName);

    /// <summary>A name as a C# identifier: <c>@class</c> for a keyword (an enum member <c>@class</c> has the name <c>class</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The identifier.</returns>
    public static string Escape(string name) => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? name : "@" + name;

    /// <summary>True for the property that selects the risk profile.</summary>
    public bool IsProfileSelector => Kind == SettingKind.Enum && IsNullable && TypeName == ProfileType;
}
