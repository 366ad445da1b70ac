using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Accounts;

/// <summary>
/// Starts and stops one account with the host. Start: creates the account (its settings were validated by
/// <c>ValidateOnStart</c>), asks its ledger for an answer, failing start or logging the outage, and builds its pipelines,
/// failing start when one cannot be built. Stopping: refuses new
/// positions first (before any hosted service stops), then waits for orders in flight, gives back what this process
/// still holds and waits for the ledger to take what waits for it; the container disposes the context and the book last.
/// </summary>
internal sealed class RiskAccountLifetime : IHostedLifecycleService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly IServiceProvider _services;
    private readonly string _name;
    private RiskAccount? _account;

    public RiskAccountLifetime(IServiceProvider services, string name)
    {
        _services = services;
        _name = name;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var account = _account = _services.GetRequiredKeyedService<RiskAccount>(_name);
        if (account.Book.GetTotalCounts().Unavailable)
        {
            if (account.Options.RequireLedgerAtStart)
            {
                throw new InvalidOperationException(
                    $"RiskSdk account {account.DisplayName}: the {account.Ledger} position ledger does not answer, and the app requires it at start (RequireLedgerAtStart).");
            }

            HostingLog.LedgerUnavailableAtStart(account.Logger, account.DisplayName, account.Ledger);
        }

        foreach (var pipeline in _services.GetServices<PipelineRegistration>())
        {
            if (pipeline.Account != _name)
            {
                continue;
            }

            try
            {
                pipeline.Resolve(_services);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException(
                    $"RiskSdk account {account.DisplayName}: the pipeline {pipeline.Type.FullName} could not be built, so no order could be decided: {exception.Message}",
                    exception);
            }
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Only this process stops: a switch shared through the ledger would carry the halt to every other process.
        _account?.Context.StopSharingTradingState();
        _account?.Context.Switch.Halt("the host is stopping", "host");
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_account is not { Book: IHeldReservations held } account)
        {
            return;
        }

        // Orders in flight are measured in real time whatever clock the decisions run on.
        var timeout = account.Options.ShutdownDrainTimeout;
        var started = TimeProvider.System.GetTimestamp();
        var count = held.CountHeld();
        if (count > 0)
        {
            HostingLog.Draining(account.Logger, account.DisplayName, timeout.TotalSeconds, count.Value);
        }

        while (count > 0 && TimeProvider.System.GetElapsedTime(started) < timeout && await PauseAsync(cancellationToken).ConfigureAwait(false))
        {
            count = held.CountHeld();
        }

        var released = held.ReleaseHeld();
        if (released > 0)
        {
            HostingLog.ReleasedAtStop(account.Logger, account.DisplayName, released.Value);
        }

        // Fills, releases and closes that wait for the ledger are sent by the book as soon as it answers: give it the
        // rest of the drain time before the container disposes it.
        while (!held.IsFlushed && TimeProvider.System.GetElapsedTime(started) < timeout && !cancellationToken.IsCancellationRequested)
        {
            if (!await PauseAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        if (released is null || !held.IsFlushed)
        {
            HostingLog.LedgerSilentAtStop(account.Logger, account.DisplayName);
        }
    }

    /// <summary>Waits one poll interval; false when the host's stop timeout ran out.</summary>
    private static async Task<bool> PauseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
