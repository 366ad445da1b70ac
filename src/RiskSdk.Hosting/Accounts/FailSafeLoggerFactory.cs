using System;
using Microsoft.Extensions.Logging;

namespace RiskSdk.Hosting.Accounts;

/// <summary>
/// The loggers an account's context, book and ledger write to: the host's, except that a logging provider that throws
/// cannot make a decision throw (<c>Logger</c> rethrows a provider's exception as an <see cref="AggregateException"/>
/// after the other providers wrote). The decision is the risk rules', not the log sink's; the other providers still log.
/// </summary>
internal sealed class FailSafeLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new FailSafeLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The host owns the inner factory.</summary>
    public void Dispose()
    {
    }

    private sealed class FailSafeLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            try
            {
                return inner.BeginScope(state);
            }
#pragma warning disable CA1031 // A log sink's failure must not escape into a decision.
            catch (Exception)
            {
                return null;
            }
        }

        public bool IsEnabled(LogLevel logLevel)
        {
            try
            {
                return inner.IsEnabled(logLevel);
            }
            catch (Exception)
            {
                return false;
            }
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
            catch (Exception)
            {
                // Logged by the providers that did not throw; nothing else to do.
            }
#pragma warning restore CA1031
        }
    }
}
