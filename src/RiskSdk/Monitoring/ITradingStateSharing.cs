using System;

namespace RiskSdk.Monitoring;

/// <summary>
/// One switch's sharing through an <see cref="ITradingStateStore"/>: says whether the switch is known to hold the
/// shared state, and stops the sharing when disposed.
/// </summary>
public interface ITradingStateSharing : IDisposable
{
    /// <summary>
    /// True while the switch is known to hold the shared state: the store confirmed it recently enough, and no move made
    /// here is still waiting to be written. False means the trading state is unknown (a halt made elsewhere may not have
    /// arrived), and the context refuses every entry until it is true again. Read on the decision path: no I/O.
    /// </summary>
    bool IsCurrent { get; }
}
