using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RiskSdk;
using RiskSdk.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps RiskSdk's status, live page and trading control onto an ASP.NET Core app.</summary>
public static class RiskEndpointRouteBuilderExtensions
{
    /// <summary>The endpoint-name stems already mapped in each app (keyed by its services).</summary>
    private static readonly ConditionalWeakTable<IServiceProvider, HashSet<string>> MappedNames = new();

    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>GET {prefix}/status</c> (the snapshot as JSON),
    /// <c>GET {prefix}/status/stream</c> (server-sent events, a snapshot on every change), <c>GET {prefix}</c> (the
    /// live page, with its script and style under <c>{prefix}/assets/</c>), and, only when
    /// <see cref="RiskEndpointOptions.ControlPolicy"/> names an authorization policy or
    /// <see cref="RiskEndpointOptions.AllowLoopbackControlWithoutAuthorization"/> is set,
    /// <c>POST {prefix}/trading/halt</c>, <c>/reduce-only</c> and <c>/resume</c> with a JSON body <c>{"reason": "..."}</c>.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The path everything is mapped under, e.g. <c>/risk</c>.</param>
    /// <param name="configure">Sets the options: the context (else resolved from the services), the control policy, ...</param>
    /// <returns>The group of every endpoint mapped, to add conventions (for example authorization on the reads).</returns>
    /// <exception cref="InvalidOperationException">No context was given and none is registered.</exception>
    public static RouteGroupBuilder MapRiskSdk(this IEndpointRouteBuilder endpoints, string prefix = "/risk", Action<RiskEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var options = new RiskEndpointOptions();
        configure?.Invoke(options);
        var services = endpoints.ServiceProvider;
        var context = ContextOf(services, options);
        if (options.RecentDecisions is < 0 or > RiskSdk.Monitoring.RiskMonitor.MaxRecentDecisions)
        {
            throw new InvalidOperationException($"RecentDecisions must be from 0 to {RiskSdk.Monitoring.RiskMonitor.MaxRecentDecisions} (was {options.RecentDecisions}).");
        }

        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("RiskSdk.AspNetCore") ?? NullLogger.Instance;
        var group = endpoints.MapGroup(prefix.TrimEnd('/'));
        var names = NamesFor(services, context.Name);
        var status = new StatusEndpoints(context, options);
        group.MapGet("/status", status.GetStatusAsync).WithName(names + "-status");
        group.MapGet("/status/stream", status.StreamAsync).WithName(names + "-status-stream");
        var page = new StatusPage(options.ControlMapped);
        group.MapGet(string.Empty, page.WriteAsync).WithName(names + "-page");
        group.MapGet("/assets/risk.js", StatusPage.ScriptAsync);
        group.MapGet("/assets/risk.css", StatusPage.StyleAsync);
        if (options.ControlMapped)
        {
            var control = new ControlEndpoints(context, logger, requireLoopback: options.ControlPolicy is null);
            var trading = group.MapGroup("/trading");
            trading.MapPost("/halt", control.HaltAsync);
            trading.MapPost("/reduce-only", control.ReduceOnlyAsync);
            trading.MapPost("/resume", control.ResumeAsync);
            if (options.ControlPolicy is { } policy)
            {
                trading.RequireAuthorization(policy);
            }
        }

        return group;
    }

    /// <summary>
    /// The context to serve. One registered in the services is resolved at the first request, not while mapping: an
    /// account created while mapping would bind its settings and open its ledger before the host starts, so invalid
    /// settings would throw here, alone, instead of failing start with the app's other options failures.
    /// </summary>
    private static ContextSource ContextOf(IServiceProvider services, RiskEndpointOptions options)
    {
        if (options.Context is { } given)
        {
            return new ContextSource(given);
        }

        var account = options.Account is { Length: > 0 } named ? named : null;
        var registered = account is null
            ? services.GetService<IServiceProviderIsService>()?.IsService(typeof(RiskContext))
            : (services.GetService<IServiceProviderIsService>() as IServiceProviderIsKeyedService)?.IsKeyedService(typeof(RiskContext), account);
        if (registered == true)
        {
            return new ContextSource(account ?? RiskContext.DefaultName, account is null
                ? () => services.GetRequiredService<RiskContext>()
                : () => services.GetRequiredKeyedService<RiskContext>(account));
        }

        // A container that cannot say what it holds: resolve now, as it is the only way to know.
        var resolved = registered is null
            ? (account is null ? services.GetService<RiskContext>() : services.GetKeyedService<RiskContext>(account))
            : null;
        return resolved is not null
            ? new ContextSource(resolved)
            : throw new InvalidOperationException(account is not null
                ? $"MapRiskSdk found no RiskContext for the account '{account}': register it with services.AddRiskSdk<TSettings>(\"{account}\") or pass it with options.Context."
                : "MapRiskSdk needs a RiskContext: register one in the services (services.AddRiskSdk<TSettings>() does) or pass it with options.Context.");
    }

    /// <summary>
    /// The stem of the endpoint names of one mapping: <c>risksdk-{context}</c> for the first mapping of a context in an
    /// app, <c>risksdk-{context}-2</c> and so on for the next. Endpoint names must be unique in the whole app: the same
    /// name twice (the page mapped under two prefixes) made routing throw on every request, the app's own endpoints included.
    /// </summary>
    private static string NamesFor(IServiceProvider services, string context)
    {
        var taken = MappedNames.GetOrCreateValue(services);
        lock (taken)
        {
            var stem = "risksdk-" + context;
            for (var n = 2; !taken.Add(stem); n++)
            {
                stem = "risksdk-" + context + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            return stem;
        }
    }
}
