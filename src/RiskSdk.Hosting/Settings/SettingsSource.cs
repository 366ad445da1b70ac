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

    /// <summary>The variables of an account, flat or nested in the section named like the prefix.</summary>
    public IVariableLookup VariablesOf(string name, string prefix) => ConfigurationOf(name) is { } configuration
        ? new SectionedVariableLookup(
            prefix,
            key => configuration[key],
            section => (section is null ? configuration : configuration.GetSection(section)).GetChildren().Select(static child => child.Key))
        : EnvironmentVariableLookup.Instance;

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

        var section = prefix.Length > 1 && prefix.EndsWith('_') ? prefix.Substring(0, prefix.Length - 1) : null;
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
            if (!structured && section is not null && variable.Name.Length > prefix.Length && variable.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                key = string.Concat(section, ":", variable.Name.AsSpan(prefix.Length));
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

    /// <summary>Fires when the account's configuration reloads; never for the process environment.</summary>
    public IChangeToken ReloadTokenOf(string name) => ConfigurationOf(name)?.GetReloadToken() ?? NeverChanges.Instance;

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
