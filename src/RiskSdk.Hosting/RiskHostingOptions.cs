using System.Collections.Generic;
using System;
using Microsoft.Extensions.Configuration;
using RiskSdk.Configuration;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Hosting;

/// <summary>
/// How the host runs one RiskSdk account (the default one, or a named one from
/// <see cref="Microsoft.Extensions.DependencyInjection.RiskSdkServiceCollectionExtensions.AddRiskSdk{TSettings}(Microsoft.Extensions.DependencyInjection.IServiceCollection, string)"/>):
/// where its settings are read, which ledger counts its positions, and how it reconciles, reloads and stops.
/// Configure it through <see cref="RiskSdkBuilder.Configure(Action{RiskHostingOptions})"/>.
/// </summary>
public sealed class RiskHostingOptions
{
    /// <summary>
    /// Where the <c>OI_TRACKER_*</c> variables are read from, flat or nested in an <c>"OI_TRACKER"</c> section; reloads
    /// follow its reload token. Default the host's <see cref="IConfiguration"/> (which holds the environment variables
    /// and appsettings.json in every standard host), or the process environment when the container has none.
    /// </summary>
    public IConfiguration? Configuration { get; set; }

    /// <summary>True halts trading when a reload brings invalid settings (the last good settings stay in force either way). Default false.</summary>
    public bool HaltOnInvalidReload { get; set; }

    /// <summary>
    /// True makes the host fail to start when the ledger does not answer at start; false (the default) starts anyway,
    /// logs the outage and refuses new positions with <see cref="RejectionReason.LedgerUnavailable"/> until it answers.
    /// </summary>
    public bool RequireLedgerAtStart { get; set; }

    /// <summary>
    /// The ledger, overriding <c>RISK_LEDGER</c>: null (the default) follows the settings, <see cref="RiskLedgerKind.Memory"/>
    /// or <see cref="RiskLedgerKind.Redis"/> forces one. Set by <see cref="RiskSdkBuilder.UseInMemoryLedger"/> and by
    /// RiskSdk.Redis.Hosting's <c>UseRedisLedger(connectionString)</c>.
    /// </summary>
    public RiskLedgerKind? Ledger { get; set; }

    /// <summary>The shared ledger's connection string, overriding <c>RISK_LEDGER_CONNECTION</c>; null (the default) follows the settings.</summary>
    public string? LedgerConnection { get; set; }

    /// <summary>
    /// Opens the shared ledger when the account counts positions in Redis (<c>RISK_LEDGER=redis</c>, or
    /// <see cref="Ledger"/>). Set by RiskSdk.Redis.Hosting's <c>UseRedisLedger()</c>; without it a Redis ledger refuses to start,
    /// saying so. The account disposes the book it returns.
    /// </summary>
    public Func<LedgerRequest, IPositionBook>? SharedLedger { get; set; }

    /// <summary>Creates the position book instead of the in-memory or shared ledger; the account disposes what it returns. Set by <see cref="RiskSdkBuilder.UseLedger"/>.</summary>
    public Func<IServiceProvider, RiskSettings, IPositionBook>? LedgerFactory { get; set; }

    /// <summary>How long stopping waits for orders in flight to fill or be released before giving back what this process still holds. Default 5 s.</summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the broker's open positions are reconciled with the book after the first run at start. Default 1 minute.</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one broker call may take before it counts as failed (nothing changes for that exchange). Default 10 s.</summary>
    public TimeSpan ReconciliationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the account frees the state of idle exchanges that are not declared (<see cref="RiskContext.ReclaimIdleExchanges"/>),
    /// so an exchange seen once does not hold memory for the life of the process. Default 1 minute; null or zero turns
    /// the sweep off.
    /// </summary>
    public TimeSpan? IdleExchangeSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Exchanges reconciled even before the book has seen them (it reconciles every exchange it has seen as well).</summary>
    public IList<string> ReconciledExchanges { get; } = new List<string>();
}
