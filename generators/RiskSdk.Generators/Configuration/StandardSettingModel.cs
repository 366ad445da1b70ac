namespace RiskSdk.Generators.Configuration;

/// <summary>How the generator declares and maps a property of the standard auto-exec set.</summary>
/// <param name="DefaultExpression">The initializer, or null for none.</param>
/// <param name="RiskSettingsMember">The <c>RiskSdk.RiskSettings</c> property it maps to, or null when it is not a gate setting.</param>
/// <param name="FollowsProfile">True when the risk profile supplies its value while the variable is unset.</param>
/// <param name="IsProfileSelector">True for the property that selects the risk profile.</param>
internal sealed record StandardSettingModel(string? DefaultExpression, string? RiskSettingsMember, bool FollowsProfile, bool IsProfileSelector);
