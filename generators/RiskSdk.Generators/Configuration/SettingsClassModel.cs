namespace RiskSdk.Generators.Configuration;

/// <summary>Everything the emitter needs to write one settings class; no Roslyn objects, so the pipeline can cache it.</summary>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="HintName">The generated file's name, from the fully qualified type name.</param>
/// <param name="Keyword">The declaration keyword: <c>class</c> or <c>record</c>.</param>
/// <param name="Name">The type name.</param>
/// <param name="FullyQualifiedName">The global::-qualified type name.</param>
/// <param name="ContainingTypes">Types it is nested in, outermost first.</param>
/// <param name="Prefix">The variable prefix.</param>
/// <param name="IsAutoExec">True when the standard auto-exec settings are added.</param>
/// <param name="Properties">The bound properties in binding order.</param>
/// <param name="HidesBaseSettings">True when a base class is a settings class too: the generated public members hide its own with <c>new</c>.</param>
/// <param name="InheritsStandardSettings">True when a base class is marked <c>[AutoExecSettings]</c>: it declares the standard settings and <c>ToRiskSettings()</c>, which this class binds and does not redeclare.</param>
/// <param name="HasRequiredMembers">True when a bound property is a C# <c>required</c> member, which every creation must set.</param>
internal sealed record SettingsClassModel(
    string Namespace,
    string HintName,
    string Keyword,
    string Name,
    string FullyQualifiedName,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Prefix,
    bool IsAutoExec,
    EquatableArray<SettingPropertyModel> Properties,
    bool HidesBaseSettings = false,
    bool InheritsStandardSettings = false,
    bool HasRequiredMembers = false);
