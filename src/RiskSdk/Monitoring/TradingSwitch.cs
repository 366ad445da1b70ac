using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RiskSdk.Monitoring;

/// <summary>
/// The kill switch. Halting takes effect on the next decision of every thread; a halt latches until
/// <see cref="Resume"/> is called explicitly. Orders that only reduce exposure pass in every state.
/// </summary>
public sealed class TradingSwitch
{
    private readonly ILogger _logger;
    private int _state;

    /// <summary>Creates a switch.</summary>
    /// <param name="initialState">The state to start in.</param>
    /// <param name="logger">Where state changes are logged; default none.</param>
    public TradingSwitch(TradingState initialState = TradingState.Active, ILogger? logger = null)
    {
        _state = (int)initialState;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The current state.</summary>
    public TradingState State => (TradingState)Volatile.Read(ref _state);

    /// <summary>Stops every order that would open exposure, until <see cref="Resume"/>.</summary>
    /// <param name="cause">Why, for the log.</param>
    public void Halt(string cause) => Change(TradingState.Halted, cause, latchAware: false);

    /// <summary>Lets only orders that reduce exposure through. Has no effect while halted (a halt latches).</summary>
    /// <param name="cause">Why, for the log.</param>
    public void ReduceOnly(string cause) => Change(TradingState.ReducingOnly, cause, latchAware: true);

    /// <summary>Returns to normal trading from any state.</summary>
    /// <param name="cause">Why, for the log.</param>
    public void Resume(string cause) => Change(TradingState.Active, cause, latchAware: false);

    private void Change(TradingState next, string cause, bool latchAware)
    {
        int previous;
        do
        {
            previous = Volatile.Read(ref _state);
            if (previous == (int)next || (latchAware && previous == (int)TradingState.Halted))
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _state, (int)next, previous) != previous);

        RiskLog.TradingStateChanged(_logger, (TradingState)previous, next, cause);
    }
}
