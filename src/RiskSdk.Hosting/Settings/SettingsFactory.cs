using System.Collections.Concurrent;
using System.Collections.Generic;
using System;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskSdk.Configuration;

namespace RiskSdk.Hosting.Settings;

/// <summary>
/// Creates an account's settings for <see cref="IOptionsMonitor{TOptions}"/> by binding the generated class (the
/// settings are immutable, so they are bound, not configured). At start, invalid settings throw
/// <see cref="OptionsValidationException"/> listing every problem by variable name, which <c>ValidateOnStart</c> reports
/// with the rest of the app's options. On a reload, invalid settings keep the last good ones and are reported to the
/// account instead, so the monitor never loses its value.
/// </summary>
/// <typeparam name="TSettings">The generated settings class.</typeparam>
internal sealed class SettingsFactory<TSettings> : IOptionsFactory<TSettings>
    where TSettings : class, IAutoExecSettings<TSettings>, new()
{
    private static readonly TSettings Generated = new();

    private readonly SettingsSource _source;
    private readonly SettingsRejections _rejections;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TSettings> _lastGood = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastWarnings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastRejected = new(StringComparer.Ordinal);

    public SettingsFactory(SettingsSource source, SettingsRejections rejections, ILoggerFactory? loggers = null)
    {
        _source = source;
        _rejections = rejections;
        _logger = new Accounts.FailSafeLoggerFactory(loggers ?? NullLoggerFactory.Instance).CreateLogger(HostingLog.Category);
    }

    public TSettings Create(string name)
    {
        var result = Generated.BindVariables(_source.VariablesOf(name, Generated.Prefix));
        LogWarningsOnce(name, result.Warnings);

        // A JSON object or array where a value belongs reads as not set: refused, not replaced by the default.
        var structured = _source.StructuredValuesOf(name, Generated.Prefix, Generated.DescribedVariables);

        // Binding already checks the gate settings as the runtime does (cross-field rules among them).
        if (structured.Count == 0 && result.TryGetSettings(out var settings))
        {
            _lastGood[name] = settings;
            _lastRejected.TryRemove(name, out _);
            return settings;
        }

        var problems = new List<string>(result.Errors.Count + structured.Count);
        problems.AddRange(structured);
        foreach (var error in result.Errors)
        {
            // The message names the variable; a value set under the nested key is found in the file by that key.
            problems.Add(_source.NestedKeyOf(name, Generated.Prefix, error.Variable) is { } key
                ? error.Message + " (set by the configuration key '" + key + "')"
                : error.Message);
        }

        if (_lastGood.TryGetValue(name, out var lastGood))
        {
            // Every IOptionsSnapshot scope binds again: report a refused configuration once, not once per request,
            // or each request would log it again and, with HaltOnInvalidReload, halt again after an operator resumed.
            var key = string.Join("\n", problems);
            if (!_lastRejected.TryGetValue(name, out var reported) || reported != key)
            {
                _lastRejected[name] = key;
                _rejections.Report(name, problems);
            }

            return lastGood;
        }

        throw new OptionsValidationException(name, typeof(TSettings), problems);
    }

    /// <summary>Logs the warnings of a binding unless the previous binding of the account had the same ones (IOptions and IOptionsMonitor each bind).</summary>
    private void LogWarningsOnce(string name, IReadOnlyList<ConfigurationProblem> warnings)
    {
        var messages = new List<string>(warnings.Count);
        foreach (var warning in warnings)
        {
            messages.Add(warning.Message);
        }

        var key = string.Join("\n", messages);
        if (_lastWarnings.TryGetValue(name, out var previous) && previous == key)
        {
            return;
        }

        _lastWarnings[name] = key;
        foreach (var message in messages)
        {
            HostingLog.SettingsWarning(_logger, Accounts.RiskAccount.Display(name), message);
        }
    }
}
