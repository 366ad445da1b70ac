using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using RiskSdk.Configuration;

namespace RiskSdk.Hosting.Settings;

/// <summary>Where one account's variables are read from: its configured <see cref="IConfiguration"/>, the host's, or the process environment.</summary>
internal sealed class SettingsSource
{
    private readonly IServiceProvider _services;
    private readonly IOptionsMonitor<RiskHostingOptions> _options;

    public SettingsSource(IServiceProvider services, IOptionsMonitor<RiskHostingOptions> options)
    {
        _services = services;
        _options = options;
    }

    /// <summary>The configuration the account reads, or null when it reads the process environment.</summary>
    public IConfiguration? ConfigurationOf(string name) => _options.Get(name).Configuration ?? _services.GetService<IConfiguration>();

    /// <summary>
    /// The variables of an account, flat or nested in the section named like the prefix. When both spellings are set,
    /// the configuration source added last wins, as for any other key: an environment variable
    /// <c>OI_TRACKER__AUTO_EXEC_ENABLED=false</c> overrides <c>"OI_TRACKER_AUTO_EXEC_ENABLED": true</c> in appsettings.json
    /// (the flat spelling wins only within one source).
    /// </summary>
    public IVariableLookup VariablesOf(string name, string prefix)
    {
        if (ConfigurationOf(name) is not { } configuration)
        {
            return EnvironmentVariableLookup.Instance;
        }

        var sectioned = Sectioned(configuration, prefix);
        return configuration is IConfigurationRoot root && sectioned.Section is not null
            ? new LastSourceWinsLookup(root, sectioned)
            : sectioned;
    }

    private static SectionedVariableLookup Sectioned(IConfiguration configuration, string prefix) => new(
        prefix,
        key => configuration[key],
        section => (section is null ? configuration : configuration.GetSection(section)).GetChildren().Select(static child => child.Key));

    /// <summary>
    /// The variables whose key holds a JSON object or array instead of a single value (<c>"AUTO_EXEC_EXCHANGES": ["NSE"]</c>):
    /// configuration reads such a key as not set, which would put the default in force without a word, so each is a problem.
    /// </summary>
    public IReadOnlyList<string> StructuredValuesOf(string name, string prefix, IReadOnlyList<VariableDescription> variables)
    {
        if (ConfigurationOf(name) is not { } configuration)
        {
            return Array.Empty<string>();
        }

        var sectioned = Sectioned(configuration, prefix);
        var problems = new List<string>();
        foreach (var variable in variables)
        {
            // Read as the lookup reads: the flat key, and the nested one only when the flat key holds no value.
            var flat = configuration.GetSection(variable.Name);
            if (flat.Value is not null)
            {
                continue;
            }

            var key = variable.Name;
            var structured = flat.GetChildren().Any();
            if (!structured && sectioned.NestedKey(variable.Name) is { } nestedKey)
            {
                key = nestedKey;
                var nested = configuration.GetSection(key);
                structured = nested.Value is null && nested.GetChildren().Any();
            }

            if (structured)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{variable.Name} (configuration key '{key}') is a JSON object or array, not a single value; write it as one string or number (a list comma-separated, \"NSE,BSE\")."));
            }
        }

        return problems;
    }

    /// <summary>
    /// The configuration key that set a variable when it is not the variable's own name (the nested
    /// <c>OI_TRACKER:AUTO_EXEC_MAX_OPEN_POSITIONS</c> of appsettings.json or <c>OI_TRACKER__...</c>); null otherwise.
    /// </summary>
    public string? NestedKeyOf(string name, string prefix, string variable) =>
        VariablesOf(name, prefix) is LastSourceWinsLookup lookup && lookup.Locate(variable) is { Value: not null, Key: var key } && key != variable
            ? key
            : null;

    /// <summary>Fires when the account's configuration reloads; never for the process environment.</summary>
    public IChangeToken ReloadTokenOf(string name) => ConfigurationOf(name)?.GetReloadToken() ?? NeverChanges.Instance;

    /// <summary>Reads a variable from the last configuration source that sets it, flat or nested; lists names as the sectioned lookup does.</summary>
    private sealed class LastSourceWinsLookup(IConfigurationRoot root, SectionedVariableLookup sectioned) : IVariableLookup
    {
        public IEnumerable<string> Names => sectioned.Names;

        public string? GetValue(string name) => Locate(name).Value;

        /// <summary>The value in force and the key that set it (the variable's own name, or its nested key).</summary>
        public (string? Value, string Key) Locate(string name)
        {
            var nested = sectioned.NestedKey(name);
            var providers = root.Providers.ToList();
            for (var i = providers.Count - 1; i >= 0; i--)
            {
                if (providers[i].TryGet(name, out var flat) && flat is not null)
                {
                    return (flat, name);
                }

                if (nested is not null && providers[i].TryGet(nested, out var value) && value is not null)
                {
                    return (value, nested);
                }
            }

            return (sectioned.GetValue(name), name);
        }
    }

    private sealed class NeverChanges : IChangeToken
    {
        public static readonly NeverChanges Instance = new();

        public bool HasChanged => false;

        public bool ActiveChangeCallbacks => false;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => EmptyDisposable.Instance;
    }

    private sealed class EmptyDisposable : IDisposable
    {
        public static readonly EmptyDisposable Instance = new();

        public void Dispose()
        {
        }
    }
}
