using System.Collections.Generic;

namespace RiskSdk.Configuration;

/// <summary>Reads variables from a dictionary; the way tests bind settings without touching the process environment.</summary>
public sealed class DictionaryVariableLookup : IVariableLookup
{
    private readonly IReadOnlyDictionary<string, string?> _variables;

    /// <summary>Creates the lookup.</summary>
    /// <param name="variables">The variables by full name; a null value counts as unset.</param>
    public DictionaryVariableLookup(IReadOnlyDictionary<string, string?> variables) => _variables = variables;

    /// <inheritdoc/>
    public IEnumerable<string> Names => _variables.Keys;

    /// <inheritdoc/>
    public string? GetValue(string name) => _variables.TryGetValue(name, out var value) ? value : null;
}
