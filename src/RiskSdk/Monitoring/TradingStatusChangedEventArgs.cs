using System;

namespace RiskSdk.Monitoring;

/// <summary>The kill switch moved, or restated its state with a new cause: what it was, what it is, and whether the change was made here or adopted from elsewhere.</summary>
public sealed class TradingStatusChangedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="previous">The status before.</param>
    /// <param name="current">The status after.</param>
    /// <param name="adopted">True when the status came from elsewhere through <see cref="TradingSwitch.Adopt"/> (for example a shared ledger).</param>
    public TradingStatusChangedEventArgs(TradingStatus previous, TradingStatus current, bool adopted)
    {
        Previous = previous ?? throw new ArgumentNullException(nameof(previous));
        Current = current ?? throw new ArgumentNullException(nameof(current));
        Adopted = adopted;
    }

    /// <summary>The status before the move.</summary>
    public TradingStatus Previous { get; }

    /// <summary>The status after the move.</summary>
    public TradingStatus Current { get; }

    /// <summary>
    /// True when the status was adopted from elsewhere (<see cref="TradingSwitch.Adopt"/>), false when a call in this
    /// process (<see cref="TradingSwitch.Halt"/>, <see cref="TradingSwitch.ReduceOnly"/>, <see cref="TradingSwitch.Resume"/>) made it.
    /// A component that shares the status between processes publishes only the moves that were not adopted.
    /// </summary>
    public bool Adopted { get; }
}
