using System;
using System.Collections.Generic;

namespace RiskSdk.Configuration;

/// <summary>Reads variables through two functions; adapts any key/value store, such as <c>IConfiguration</c>, without depending on it.</summary>
public sealed class DelegateVariableLookup : IVariableLookup
{
    private readonly Func<string, string?> _getValue;
    private readonly Func<IEnumerable<string>> _names;

    /// <summary>Creates the lookup.</summary>
    /// <param name="getValue">Returns a variable's value, or null when unset.</param>
    /// <param name="names">Returns the names that are set.</param>
    public DelegateVariableLookup(Func<string, string?> getValue, Func<IEnumerable<string>> names)
    {
        ArgumentNullException.ThrowIfNull(getValue);
        ArgumentNullException.ThrowIfNull(names);
        _getValue = getValue;
        _names = names;
    }

    /// <inheritdoc/>
    public IEnumerable<string> Names => _names();

    /// <inheritdoc/>
    public string? GetValue(string name) => _getValue(name);
}
