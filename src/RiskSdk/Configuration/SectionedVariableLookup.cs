using System;
using System.Collections.Generic;

namespace RiskSdk.Configuration;

/// <summary>
/// Reads variables from a hierarchical key/value store such as <c>IConfiguration</c>, without depending on it. A
/// variable <c>OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS</c> is read from the key of that name (an environment
/// variable, a flat key in <c>appsettings.json</c>) and, when that is not set, from the key
/// <c>OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS</c>: the nested section <c>"OI_TRACKER": { "AUTO_EXEC_MAX_OPEN_POSITIONS": 1 }</c>
/// of <c>appsettings.json</c>, or the environment variable <c>OI_TRACKER__AUTO_EXEC_MAX_OPEN_POSITIONS</c>.
/// </summary>
/// <remarks>
/// The section is the prefix without its trailing underscore; a prefix that does not end with one has no section.
/// Keys inside the section are listed under their variable names, so a mistyped one gets the same did-you-mean
/// warning as a mistyped environment variable.
/// </remarks>
public sealed class SectionedVariableLookup : IVariableLookup
{
    private readonly Func<string, string?> _getValue;
    private readonly Func<string?, IEnumerable<string>> _childKeys;
    private readonly string _prefix;
    private readonly string? _section;

    /// <summary>Creates the lookup.</summary>
    /// <param name="prefix">The prefix every variable carries, for example <c>OI_TRACKER_</c>.</param>
    /// <param name="getValue">Returns the value of a key (<c>:</c> separates sections), or null when it is not set.</param>
    /// <param name="childKeys">Returns the keys directly under a section, or under the root when given null.</param>
    public SectionedVariableLookup(string prefix, Func<string, string?> getValue, Func<string?, IEnumerable<string>> childKeys)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(getValue);
        ArgumentNullException.ThrowIfNull(childKeys);
        _prefix = prefix;
        _getValue = getValue;
        _childKeys = childKeys;
        _section = prefix.Length > 1 && prefix.EndsWith('_') ? prefix.Substring(0, prefix.Length - 1) : null;
    }

    /// <summary>The section the variables may be nested in (the prefix without its trailing underscore), or null.</summary>
    public string? Section => _section;

    /// <inheritdoc/>
    public IEnumerable<string> Names
    {
        get
        {
            var names = new HashSet<string>(_childKeys(null), StringComparer.OrdinalIgnoreCase);
            if (_section is not null)
            {
                foreach (var key in _childKeys(_section))
                {
                    names.Add(_prefix + key);
                }
            }

            return names;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A key holding a JSON object or array rather than a value reads as not set here; <c>AddRiskSdk</c> (RiskSdk.Hosting)
    /// refuses such a key at start and on reload, naming the variable and the key, so it never puts a default in force.
    /// </remarks>
    public string? GetValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_getValue(name) is { } flat)
        {
            return flat;
        }

        return NestedKey(name) is { } nested ? _getValue(nested) : null;
    }

    /// <summary>
    /// The nested key a variable is also read from: <c>OI_TRACKER:AUTO_EXEC_ENABLED</c> for
    /// <c>OI_TRACKER_AUTO_EXEC_ENABLED</c>; null when the prefix has no section or the name does not carry the prefix.
    /// </summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>The key, or null.</returns>
    public string? NestedKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _section is not null && name.Length > _prefix.Length && name.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase)
            ? string.Concat(_section, ":", name.AsSpan(_prefix.Length))
            : null;
    }
}
