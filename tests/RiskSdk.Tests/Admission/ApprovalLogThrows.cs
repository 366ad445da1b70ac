using System;
using Microsoft.Extensions.Logging;

namespace RiskSdk.Tests.Admission;

/// <summary>A logger that takes every level and throws when an approval is logged (event 1002): the announcement of an admitted trade fails.</summary>
internal sealed class ApprovalLogThrows : ILogger
{
    private const int TradeApproved = 1002;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == TradeApproved)
        {
            throw new InvalidOperationException("the log sink failed");
        }
    }
}
