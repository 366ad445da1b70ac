namespace RiskSdk.Generators.Configuration;

/// <summary>Names of the configuration generator's pipeline steps, so tests can assert each one is cached.</summary>
internal static class ConfigurationTrackingNames
{
    public const string Parse = "Configuration.Parse";
    public const string StandardSettings = "Configuration.StandardSettings";
    public const string Model = "Configuration.Model";
    public const string ConfigurationAdapter = "Configuration.ConfigurationAdapter";

    public static readonly string[] All = { Parse, StandardSettings, Model, ConfigurationAdapter };
}
