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
