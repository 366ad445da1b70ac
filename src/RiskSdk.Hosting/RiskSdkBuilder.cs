using System.Diagnostics.CodeAnalysis;
using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Configuration;
using RiskSdk.Hosting.Accounts;
using RiskSdk.Hosting.Reconciliation;
using RiskSdk.Positions;

namespace RiskSdk.Hosting;

/// <summary>
/// Adds to one RiskSdk account registered by <see cref="RiskSdkServiceCollectionExtensions.AddRiskSdk{TSettings}(IServiceCollection)"/>:
/// its pipelines, its ledger, broker reconciliation and how the host runs it. For the default account every service is
/// registered plainly; for a named account keyed by its name (<c>[FromKeyedServices("acct-42")] RiskContext</c>).
/// </summary>
public sealed class RiskSdkBuilder
{
    internal RiskSdkBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The service collection the account is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The account's name: the service key of its context, book and pipelines; empty for the default account.</summary>
    public string Name { get; }

    /// <summary>Configures how the host runs the account.</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    public RiskSdkBuilder Configure(Action<RiskHostingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>
    /// Registers a pipeline (usually a generated <c>[GatePipeline]</c> class) as a singleton over the account's context,
    /// as itself and as <see cref="IRiskPipeline"/> (the last one added answers for the account). Its constructor's first
    /// parameter is the context; any other parameter (a gate that needs more than the context) is resolved from the container.
    /// </summary>
    /// <typeparam name="TPipeline">The pipeline class.</typeparam>
    /// <returns>This builder.</returns>
    public RiskSdkBuilder AddPipeline<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPipeline>()
        where TPipeline : class, IRiskPipeline =>
        AddPipeline(static (services, context) => ActivatorUtilities.CreateInstance<TPipeline>(services, context));

    /// <summary>Registers a pipeline the app builds itself over the account's context (for example with gates of its own per account), as itself and as <see cref="IRiskPipeline"/>.</summary>
    /// <typeparam name="TPipeline">The pipeline class.</typeparam>
    /// <param name="create">Builds the pipeline from the container and the account's context.</param>
    /// <returns>This builder.</returns>
    public RiskSdkBuilder AddPipeline<TPipeline>(Func<IServiceProvider, RiskContext, TPipeline> create)
        where TPipeline : class, IRiskPipeline
    {
        ArgumentNullException.ThrowIfNull(create);
        var name = Name;
        Register(services => create(services, services.GetRequiredKeyedService<RiskAccount>(name).Context));
        Register<IRiskPipeline>(services => name.Length == 0 ? services.GetRequiredService<TPipeline>() : services.GetRequiredKeyedService<TPipeline>(name));

        // Built when the host starts: a pipeline that cannot be built (a gate whose constructor throws, a dependency
        // missing) fails start naming it, instead of failing the first order.
        Services.AddSingleton(new PipelineRegistration(name, typeof(TPipeline), services => name.Length == 0 ? services.GetRequiredService<TPipeline>() : services.GetRequiredKeyedService<TPipeline>(name)));
        return this;
    }

    /// <summary>Counts positions in this process whatever <c>RISK_LEDGER</c> says.</summary>
    /// <returns>This builder.</returns>
    public RiskSdkBuilder UseInMemoryLedger() => Configure(static options =>
    {
        options.Ledger = RiskLedgerKind.Memory;
        options.LedgerFactory = null;
    });

    /// <summary>Counts positions in a book the app creates (for example a Redis book over a connection it already shares).</summary>
    /// <param name="create">Creates the book from the container and the account's settings; the account disposes it.</param>
    /// <returns>This builder.</returns>
    public RiskSdkBuilder UseLedger(Func<IServiceProvider, RiskSettings, IPositionBook> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return Configure(options => options.LedgerFactory = create);
    }

    /// <summary>
    /// Reconciles every exchange of the account with the broker at start and on <see cref="RiskHostingOptions.ReconciliationInterval"/>,
    /// through <typeparamref name="TBroker"/> (registered as a singleton unless it already is).
    /// </summary>
    /// <typeparam name="TBroker">The app's view of the broker's open positions.</typeparam>
    /// <returns>This builder.</returns>
    public RiskSdkBuilder AddBrokerReconciliation<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TBroker>()
        where TBroker : class, IBrokerPositions
    {
        Services.TryAddSingleton<TBroker>();
        return AddBrokerReconciliation(static services => services.GetRequiredService<TBroker>());
    }

    /// <summary>Reconciles every exchange of the account with the broker the app gives.</summary>
    /// <param name="broker">Returns the broker's view of the open positions.</param>
    /// <returns>This builder.</returns>
    public RiskSdkBuilder AddBrokerReconciliation(Func<IServiceProvider, IBrokerPositions> broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var name = Name;
        Services.AddSingleton<IHostedService>(services => new BrokerReconciliation(services, name, broker));
        return this;
    }

    /// <summary>Registers a service of the account: plainly for the default account, keyed by its name otherwise.</summary>
    internal void Register<TService>(Func<IServiceProvider, TService> create)
        where TService : class
    {
        if (Name.Length == 0)
        {
            Services.AddSingleton(create);
        }
        else
        {
            Services.AddKeyedSingleton(Name, (services, _) => create(services));
        }
    }
}
