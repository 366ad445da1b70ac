using System.Collections.Generic;
using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RiskSdk.Configuration;
using RiskSdk.Hosting.Accounts;
using RiskSdk.Hosting.Settings;
using RiskSdk.Hosting;
using RiskSdk.Positions;
using RiskSdk;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers RiskSdk in a Generic Host or ASP.NET Core service.</summary>
public static class RiskSdkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default RiskSdk account: <typeparamref name="TSettings"/> (a generated <c>[AutoExecSettings]</c>
    /// class) as <see cref="IOptions{TOptions}"/> and <see cref="IOptionsMonitor{TOptions}"/> bound from the host's
    /// configuration (environment variables, and appsettings.json flat or in an <c>"OI_TRACKER"</c> section), validated
    /// at start with the rest of the app's options; the <see cref="RiskContext"/> and <see cref="IPositionBook"/> as
    /// singletons; reloads applied for the next decision; and a graceful stop.
    /// </summary>
    /// <typeparam name="TSettings">The generated settings class.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>A builder that adds pipelines, the ledger and reconciliation.</returns>
    public static RiskSdkBuilder AddRiskSdk<TSettings>(this IServiceCollection services)
        where TSettings : class, IAutoExecSettings<TSettings>, new() =>
        services.AddRiskSdk<TSettings>(Options.Options.DefaultName);

    /// <summary>
    /// Registers a named RiskSdk account, for apps that trade several: its settings are the named options
    /// <paramref name="name"/>, and its context, book and pipelines are keyed services under that name, apart from every
    /// other account's (book, cooldowns, switch, metrics).
    /// </summary>
    /// <typeparam name="TSettings">The generated settings class.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The account's name; empty registers the default account.</param>
    /// <returns>A builder that adds pipelines, the ledger and reconciliation.</returns>
    /// <exception cref="InvalidOperationException">An account of that name is already registered.</exception>
    public static RiskSdkBuilder AddRiskSdk<TSettings>(this IServiceCollection services, string name)
        where TSettings : class, IAutoExecSettings<TSettings>, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        if (!Registered(services).Add(name))
        {
            throw new InvalidOperationException($"A RiskSdk account named '{RiskAccount.Display(name)}' is already registered.");
        }

        services.AddOptions();
        services.TryAddSingleton<SettingsSource>();
        services.TryAddSingleton<SettingsRejections>();
        services.TryAddSingleton<IOptionsFactory<TSettings>, SettingsFactory<TSettings>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RiskHostingOptions>, RiskHostingOptionsValidator>());
        services.AddSingleton<IOptionsChangeTokenSource<TSettings>>(provider => new SettingsChangeTokenSource<TSettings>(name, provider.GetRequiredService<SettingsSource>()));
        services.AddOptions<TSettings>(name).ValidateOnStart();
        services.AddOptions<RiskHostingOptions>(name).ValidateOnStart();
        services.AddKeyedSingleton<RiskAccount>(name, (provider, _) => RiskAccount<TSettings>.Create(name, provider));
        services.AddSingleton<IHostedService>(provider => new RiskAccountLifetime(provider, name));
        services.AddSingleton<IHostedService>(provider => new IdleExchangeSweep(provider, name));

        var builder = new RiskSdkBuilder(services, name);
        builder.Register(provider => provider.GetRequiredKeyedService<RiskAccount>(name).Context);
        builder.Register(provider => provider.GetRequiredKeyedService<RiskAccount>(name).Book);
        return builder;
    }

    private static HashSet<string> Registered(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(RegisteredAccounts) && descriptor.ImplementationInstance is RegisteredAccounts found)
            {
                return found.Names;
            }
        }

        var accounts = new RegisteredAccounts();
        services.AddSingleton(accounts);
        return accounts.Names;
    }

    /// <summary>The account names registered in one service collection.</summary>
    private sealed class RegisteredAccounts
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
