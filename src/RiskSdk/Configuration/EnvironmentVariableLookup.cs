using System;
using System.Collections;
using System.Collections.Generic;

namespace RiskSdk.Configuration;

/// <summary>Reads variables from the process environment.</summary>
public sealed class EnvironmentVariableLookup : IVariableLookup
{
    /// <summary>The one instance.</summary>
    public static readonly EnvironmentVariableLookup Instance = new();

    private EnvironmentVariableLookup()
    {
    }

    /// <inheritdoc/>
    public IEnumerable<string> Names
    {
        get
        {
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string name)
                {
                    yield return name;
                }
            }
        }
    }

    /// <inheritdoc/>
    public string? GetValue(string name) => Environment.GetEnvironmentVariable(name);
}
