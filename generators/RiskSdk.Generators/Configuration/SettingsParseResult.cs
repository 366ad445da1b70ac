namespace RiskSdk.Generators.Configuration;

/// <summary>
/// What the parser found for one annotated class: the model (null when nothing can be generated), the diagnostics,
/// and where each of its own properties is declared (for diagnostics found once the standard settings are added).
/// </summary>
internal sealed record SettingsParseResult(SettingsClassModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<PropertyLocation> Locations)
{
    public SettingsParseResult(SettingsClassModel? model, EquatableArray<DiagnosticInfo> diagnostics)
        : this(model, diagnostics, EquatableArray<PropertyLocation>.Empty)
    {
    }
}

/// <summary>Where a user property is declared.</summary>
internal sealed record PropertyLocation(string PropertyName, LocationInfo? Location);
