using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RiskSdk.Hosting.Accounts;
using RiskSdk.Monitoring;

namespace RiskSdk.Hosting.Health;

/// <summary>
/// The health of one account: unhealthy when its ledger does not answer or its shared trading state is not confirmed
/// (<see cref="RiskContext.TradingStateKnown"/>; either way no new position can be taken); degraded when trading is
/// halted, reduce-only or stopped by the session drawdown; healthy otherwise. The data holds the
/// trading state and, per exchange, an <see cref="ExchangeHealth"/> of open and pending positions against the caps.
/// </summary>
internal sealed class RiskSdkHealthCheck : IHealthCheck
{
    private readonly RiskAccount _account;

    public RiskSdkHealthCheck(RiskAccount account) => _account = account;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var risk = _account.Context;
        var state = risk.Switch.State;
        var drawdown = risk.Exposure.DrawdownLatched;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["account"] = _account.DisplayName,
            ["ledger"] = _account.Ledger.ToString(),
            ["tradingState"] = state.ToString(),
            ["drawdownStopped"] = drawdown,
        };

        var settings = risk.Settings;
        var unavailable = false;
        foreach (var exchange in _account.Book.Scopes)
        {
            var counts = _account.Book.GetCounts(exchange);
            unavailable |= counts.Unavailable;
            data[exchange] = new ExchangeHealth(counts.Open, counts.Pending, settings.MaxOpenPositions, settings.MaxOpenPositionsHighConfidence);
        }

        unavailable |= _account.Book.GetTotalCounts().Unavailable;
        var known = risk.TradingStateKnown;
        data["ledgerAvailable"] = !unavailable;
        data["tradingStateKnown"] = known;
        var failure = context.Registration.FailureStatus;
        var result = unavailable
            ? new HealthCheckResult(failure, $"The {_account.Ledger} position ledger does not answer: new positions are refused.", data: data)
            : !known
                ? new HealthCheckResult(failure, $"The shared trading state is not confirmed by the {_account.Ledger} ledger: new positions are refused until it is.", data: data)
                : state != TradingState.Active
                    ? HealthCheckResult.Degraded($"Trading is {state}: only orders that reduce exposure pass.", data: data)
                    : drawdown
                        ? HealthCheckResult.Degraded("The session drawdown stop is reached: new positions are refused until the session is reset.", data: data)
                        : HealthCheckResult.Healthy("Trading.", data);
        return Task.FromResult(result);
    }
}
