using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskSdk.Configuration;
using RiskSdk.Hosting.Settings;

namespace RiskSdk.Hosting.Accounts;

/// <summary>
/// An account bound from the generated settings class <typeparamref name="TSettings"/>: it follows the settings monitor,
/// putting each valid reload in force for the next decision, and reports each refused reload.
/// </summary>
/// <typeparam name="TSettings">The generated settings class.</typeparam>
internal sealed class RiskAccount<TSettings> : RiskAccount
    where TSettings : class, IAutoExecSettings<TSettings>, new()
{
    private readonly object _changing = new();
    private readonly IDisposable? _subscription;
    private readonly SettingsRejections _rejections;
    private TSettings _current;

    private RiskAccount(string name, RiskHostingOptions options, RiskContext context, RiskLedgerKind ledger, ILogger logger, TSettings settings, IOptionsMonitor<TSettings> monitor, SettingsRejections rejections)
        : base(name, options, context, ledger, logger)
    {
        _current = settings;
        _rejections = rejections;
        _rejections.Rejected += OnRejected;
        _subscription = monitor.OnChange(OnChanged);
    }

    /// <summary>Binds the account's settings (validated at start), opens its ledger and creates its context.</summary>
    public static RiskAccount<TSettings> Create(string name, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<RiskHostingOptions>>().Get(name);
        var monitor = services.GetRequiredService<IOptionsMonitor<TSettings>>();
        var settings = monitor.Get(name);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggers = new FailSafeLoggerFactory(services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        var risk = settings.ToRiskSettings();
        var book = LedgerOpener.Open(name, options, settings, risk, services, time, loggers, out var ledger);
        try
        {
            var context = new RiskContext(risk, book, time, loggers.CreateLogger("RiskSdk"), name.Length == 0 ? null : name, services.GetService<IMeterFactory>());
            return new RiskAccount<TSettings>(name, options, context, ledger, loggers.CreateLogger(HostingLog.Category), settings, monitor, services.GetRequiredService<SettingsRejections>());
        }
        catch
        {
            (book as IDisposable)?.Dispose();
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
            _rejections.Rejected -= OnRejected;
        }

        base.Dispose(disposing);
    }

    private void OnChanged(TSettings settings, string? name)
    {
        if ((name ?? Microsoft.Extensions.Options.Options.DefaultName) != Name)
        {
            return;
        }

        lock (_changing)
        {
            var previous = _current;
            if (ReferenceEquals(settings, previous))
            {
                return;
            }

            _current = settings;
            var kept = Context.ApplySettings(settings.ToRiskSettings());
            foreach (var property in kept)
            {
                HostingLog.KeptUntilRestart(Logger, DisplayName, LedgerOpener.VariableOf(settings, property));
            }

            if (settings.Ledger != previous.Ledger)
            {
                HostingLog.KeptUntilRestart(Logger, DisplayName, LedgerOpener.VariableOf(settings, nameof(settings.Ledger)));
            }

            if (!string.Equals(settings.LedgerConnection, previous.LedgerConnection, StringComparison.Ordinal))
            {
                HostingLog.KeptUntilRestart(Logger, DisplayName, LedgerOpener.VariableOf(settings, nameof(settings.LedgerConnection)));
            }

            var logger = Logger;
            if (logger.IsEnabled(LogLevel.Information))
            {
                var inForce = Describe(settings.BoundVariables);
                HostingLog.SettingsReloaded(logger, DisplayName, inForce);
            }
        }
    }

    private void OnRejected(string name, IReadOnlyList<string> problems)
    {
        if (name != Name)
        {
            return;
        }

        foreach (var problem in problems)
        {
            HostingLog.ReloadRefused(Logger, DisplayName, problem);
        }

        if (Options.HaltOnInvalidReload)
        {
            Context.Switch.Halt("reloaded settings were invalid");
        }
    }

    private static string Describe(IReadOnlyList<BoundVariable> variables)
    {
        var parts = new List<string>(variables.Count);
        foreach (var variable in variables)
        {
            if (variable.Source != ValueSource.Default)
            {
                parts.Add(variable.Variable.Name + "=" + (variable.DisplayValue ?? "(off)"));
            }
        }

        return parts.Count == 0 ? "the defaults" : string.Join(", ", parts);
    }
}
