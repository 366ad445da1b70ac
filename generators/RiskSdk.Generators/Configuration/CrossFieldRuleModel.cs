namespace RiskSdk.Generators.Configuration;

/// <summary>A comparison between two settings: this one must be at least (or at most) <see cref="OtherProperty"/>.</summary>
internal sealed record CrossFieldRuleModel(bool AtLeast, string OtherProperty);
