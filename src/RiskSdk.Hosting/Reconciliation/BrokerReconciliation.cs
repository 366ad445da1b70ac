using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Hosting.Accounts;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Reconciliation;

/// <summary>
/// Reconciles every exchange of one account with the broker at start and then every
/// <see cref="RiskHostingOptions.ReconciliationInterval"/> on the host's clock. A broker call that throws, outlasts
/// <see cref="RiskHostingOptions.ReconciliationTimeout"/> or answers something the book refuses (a null or empty position
/// id) changes nothing for its exchange and is logged; the others go on.
/// </summary>
internal sealed class BrokerReconciliation : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly string _name;
    private readonly Func<IServiceProvider, IBrokerPositions> _broker;

    public BrokerReconciliation(IServiceProvider services, string name, Func<IServiceProvider, IBrokerPositions> broker)
    {
        _services = services;
        _name = name;
        _broker = broker;
    }

    /// <summary>Reconciles every exchange once; returns how many were reconciled.</summary>
    public static async Task<int> RunOnceAsync(RiskAccount account, IBrokerPositions broker, TimeProvider time, CancellationToken stopping)
    {
        var exchanges = new SortedSet<string>(account.Options.ReconciledExchanges, StringComparer.Ordinal);
        exchanges.UnionWith(account.Book.Scopes);
        var reconciled = 0;
        foreach (var exchange in exchanges)
        {
            stopping.ThrowIfCancellationRequested();
            // Marked before the broker is asked: fills and closes the book records while it answers are kept.
            var mark = account.Book.MarkForReconcile(exchange);
            if (mark.Unavailable)
            {
                HostingLog.ReconcileLedgerUnavailable(account.Logger, account.DisplayName, exchange);
                continue;
            }

            using var timeout = new CancellationTokenSource(account.Options.ReconciliationTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            IReadOnlyCollection<string> open;
            try
            {
                open = await broker.GetOpenPositionIdsAsync(exchange, linked.Token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The broker returned null instead of a list of open positions.");
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                HostingLog.ReconcileTimedOut(account.Logger, account.DisplayName, exchange, account.Options.ReconciliationTimeout.TotalSeconds);
                continue;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                HostingLog.ReconcileFailed(account.Logger, exception, account.DisplayName, exchange);
                continue;
            }

            ReconcileReport report;
            try
            {
                report = account.Book.Reconcile(mark, open);
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                // A malformed answer (a null or empty position id) or a book that throws: this exchange keeps its
                // positions; an exception escaping here would stop the reconciliation, and by default the whole host.
                HostingLog.ReconcileFailed(account.Logger, exception, account.DisplayName, exchange);
                continue;
            }

            if (report.Stale)
            {
                HostingLog.ReconcileMarkStale(account.Logger, account.DisplayName, exchange);
                continue;
            }

            if (report.Unavailable)
            {
                HostingLog.ReconcileLedgerUnavailable(account.Logger, account.DisplayName, exchange);
                continue;
            }

            reconciled++;
            HostingLog.Reconciled(account.Logger, account.DisplayName, exchange, report.Added.Count, report.Removed.Count);
        }

        return reconciled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var account = _services.GetRequiredKeyedService<RiskAccount>(_name);
        var broker = _broker(_services);
        var time = _services.GetService<TimeProvider>() ?? TimeProvider.System;
        using var timer = new PeriodicTimer(account.Options.ReconciliationInterval, time);
        try
        {
            do
            {
                await RunOnceAsync(account, broker, time, stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
