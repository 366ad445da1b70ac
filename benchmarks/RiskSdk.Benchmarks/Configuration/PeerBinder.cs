using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace RiskSdk.Benchmarks.Configuration;

/// <summary>The peer's whole start-up path: configuration from the variables, <c>Get&lt;T&gt;()</c>, then DataAnnotations validation of every property.</summary>
public static class PeerBinder
{
    /// <summary>Builds the configuration the environment provider would give from these variables.</summary>
    /// <param name="variables">The variables by full name.</param>
    /// <returns>The configuration root.</returns>
    public static IConfigurationRoot BuildConfiguration(IReadOnlyDictionary<string, string?> variables) =>
        new ConfigurationBuilder().AddInMemoryCollection(ConfigInputs.StripPrefix(variables)).Build();

    /// <summary>Binds and validates. A value that does not convert throws, as <c>Get&lt;T&gt;()</c> does.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="results">Receives every validation failure.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">A value could not be converted to its property's type.</exception>
    public static AutoExecOptions BindAndValidate(IConfiguration configuration, List<ValidationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var options = configuration.Get<AutoExecOptions>() ?? new AutoExecOptions();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return options;
    }
}
