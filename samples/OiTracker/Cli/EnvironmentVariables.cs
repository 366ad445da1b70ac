using System;
using System.Collections;
using System.Collections.Generic;

namespace OiTracker.Cli;

/// <summary>Reads the process environment once, into the dictionary the app binds its configuration from.</summary>
internal static class EnvironmentVariables
{
    /// <summary>A snapshot of the process environment.</summary>
    /// <returns>Every variable by name.</returns>
    public static IReadOnlyDictionary<string, string?> Read()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name)
            {
                variables[name] = entry.Value as string;
            }
        }

        return variables;
    }
}
