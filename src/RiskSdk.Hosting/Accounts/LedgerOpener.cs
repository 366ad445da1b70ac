using System;
using Microsoft.Extensions.Logging;
using RiskSdk.Configuration;
using RiskSdk.Positions;

namespace RiskSdk.Hosting.Accounts;

/// <summary>Opens an account's position book: the app's factory, else the ledger the options or the settings name.</summary>
internal static class LedgerOpener
{
    public static IPositionBook Open<TSettings>(string name, RiskHostingOptions options, TSettings settings, RiskSettings risk, IServiceProvider services, TimeProvider time, ILoggerFactory loggers, out RiskLedgerKind kind)
        where TSettings : class, IAutoExecSettings<TSettings>
    {
        kind = options.Ledger ?? settings.Ledger;
        if (options.LedgerFactory is { } factory)
        {
            return factory(services, risk) ?? throw new InvalidOperationException($"RiskSdk account {RiskAccount.Display(name)}: the ledger factory given to UseLedger returned null.");
        }

        if (kind == RiskLedgerKind.Memory)
        {
            // On the context's clock, so a decision reads the clock once for its cooldown, rate and reservation.
            return new InMemoryPositionBook(risk.ReservationTimeout, time, loggers.CreateLogger("RiskSdk.Positions"));
        }

        if (options.SharedLedger is not { } shared)
        {
            throw new InvalidOperationException(
                $"RiskSdk account {RiskAccount.Display(name)}: {VariableOf(settings, nameof(settings.Ledger))} is {kind}, but no shared ledger is registered; reference RiskSdk.Redis.Hosting and call UseRedisLedger() after AddRiskSdk.");
        }

        var connection = options.LedgerConnection ?? settings.LedgerConnection;
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                $"RiskSdk account {RiskAccount.Display(name)}: the {kind} ledger needs a connection string; set {VariableOf(settings, nameof(settings.LedgerConnection))} (a secret) or pass one to UseRedisLedger.");
        }

        IPositionBook? book;
        try
        {
            book = shared(new LedgerRequest(services, name, connection, risk, time, loggers));
        }
        catch (ArgumentException exception)
        {
            // A connection string or options the ledger cannot use: say which account and where the value came from. The
            // ledger's message names every problem and quotes no secret.
            var source = options.LedgerConnection is not null ? "the connection string given to UseRedisLedger" : VariableOf(settings, nameof(settings.LedgerConnection));
            throw new InvalidOperationException($"RiskSdk account {RiskAccount.Display(name)}: the {kind} ledger (connection from {source}) cannot be opened: {exception.Message}", exception);
        }

        return book ?? throw new InvalidOperationException($"RiskSdk account {RiskAccount.Display(name)}: the shared ledger factory returned null.");
    }

    /// <summary>The full variable name of a property of the settings class.</summary>
    public static string VariableOf<TSettings>(TSettings settings, string propertyName)
        where TSettings : class, IAutoExecSettings<TSettings>
    {
        foreach (var variable in settings.DescribedVariables)
        {
            if (variable.PropertyName == propertyName)
            {
                return variable.Name;
            }
        }

        return propertyName;
    }
}
