using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RiskSdk.Hosting.Accounts;
using RiskSdk.Hosting.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the RiskSdk health check to <c>services.AddHealthChecks()</c>.</summary>
public static class RiskSdkHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds the health of a RiskSdk account: unhealthy (or <paramref name="failureStatus"/>) when its ledger does not
    /// answer; degraded when trading is halted, reduce-only or stopped by the session drawdown; the data holds the
    /// trading state and each exchange's open and pending positions against its caps.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="account">The account's name; empty (the default) checks the default account.</param>
    /// <param name="name">The check's name; default <c>risksdk</c>, or <c>risksdk:{account}</c> for a named account.</param>
    /// <param name="failureStatus">The status reported when the ledger does not answer; default unhealthy.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddRiskSdk(this IHealthChecksBuilder builder, string account = "", string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        System.ArgumentNullException.ThrowIfNull(account);
        return builder.Add(new HealthCheckRegistration(
            name ?? (account.Length == 0 ? "risksdk" : "risksdk:" + account),
            services => services.GetKeyedService<RiskAccount>(account) is { } found
                ? new RiskSdkHealthCheck(found)
                : new MissingAccount(account.Length == 0
                    ? "The RiskSdk health check found no default account: call services.AddRiskSdk<TSettings>()."
                    : $"The RiskSdk health check found no account named '{account}': call services.AddRiskSdk<TSettings>(\"{account}\") or check the name."),
            failureStatus,
            tags));
    }

    /// <summary>
    /// The check of an account that is not registered: fails with a message naming it. Thrown from the factory, the
    /// error would fail the whole health report (every other check with it) instead of this entry.
    /// </summary>
    private sealed class MissingAccount(string message) : IHealthCheck
    {
        public System.Threading.Tasks.Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, System.Threading.CancellationToken cancellationToken = default) =>
            System.Threading.Tasks.Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, message));
    }
}
