namespace RiskSdk.Configuration;

/// <summary>Where a bound setting's value came from.</summary>
public enum ValueSource
{
    /// <summary>The property's default (its initializer); the variable was not set.</summary>
    Default = 0,

    /// <summary>The selected risk profile; the variable was not set.</summary>
    Profile = 1,

    /// <summary>The variable (environment, configuration or the lookup the settings were bound from).</summary>
    Environment = 2,
}
