using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RiskSdk.Hosting.Accounts;

/// <summary>
/// Frees the state of one account's idle, undeclared exchanges (<see cref="RiskContext.ReclaimIdleExchanges"/>) every
/// <see cref="RiskHostingOptions.IdleExchangeSweepInterval"/> on the host's clock; does nothing when that is null or zero.
/// What each sweep freed is logged at Debug.
/// </summary>
internal sealed class IdleExchangeSweep : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly string _name;

    public IdleExchangeSweep(IServiceProvider services, string name)
    {
        _services = services;
        _name = name;
    }

    private RiskAccount? _account;
    private PeriodicTimer? _timer;

    /// <summary>Starts the interval when the host starts (not when the background loop first runs), so it counts from the start.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _account = _services.GetRequiredKeyedService<RiskAccount>(_name);
        if (_account.Options.IdleExchangeSweepInterval is { } interval && interval > TimeSpan.Zero)
        {
            _timer = new PeriodicTimer(interval, _services.GetService<TimeProvider>() ?? TimeProvider.System);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_account is not { } account || _timer is not { } timer)
        {
            return;
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var freed = account.Context.ReclaimIdleExchanges();
                if (freed.Total > 0)
                {
                    HostingLog.IdleExchangesReclaimed(account.Logger, account.DisplayName, freed.Scopes, freed.Cooldowns, freed.OrderWindows);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
