using System;
using Microsoft.Extensions.Logging;
using RiskSdk.Monitoring;

namespace RiskSdk.Gates;

/// <summary>Refuses a new position until the cooldown since the exchange's last trade has passed: <see cref="RiskSettings.CooldownWithPositions"/> while it holds open or pending positions, <see cref="RiskSettings.SignalCooldown"/> while flat. Exits pass. The trade is stamped atomically when admitted, and the stamp given back when a later admission step refuses.</summary>
public sealed class CooldownGate : ITimedGate, IAdmittingGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "Cooldown";

    private readonly RiskContext _context;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public CooldownGate(RiskContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent)
    {
        var clock = new DecisionClock(_context.Time);
        return Check(in intent, ref clock);
    }

    /// <inheritdoc/>
    /// <returns>Pass, or <see cref="RejectionReason.CooldownActive"/> with the seconds since the last trade against the window.</returns>
    public GateVerdict Check(in TradeIntent intent, ref DecisionClock clock) =>
        intent.ReducesExposure || NoCooldown(_context.Settings) || _context.Cooldowns.SinceLastTrade(intent.Exchange, ref clock) is not { } elapsed
            ? GateVerdict.Pass(GateName)
            : Judge(in intent, elapsed);

    /// <summary>Stamps the trade when the window in force has passed, atomically. Exits pass and stamp nothing.</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="slot">The slot taken; its <see cref="AdmissionSlot.PositionsBefore"/> chooses the window.</param>
    /// <param name="clock">The decision's clock: the stamp is its reading.</param>
    /// <param name="receipt">The stamp written and the one it replaced.</param>
    /// <returns>Pass, or a rejection when another thread traded inside the window first.</returns>
    public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt)
    {
        receipt = AdmissionReceipt.Nothing;
        if (intent.ReducesExposure)
        {
            return GateVerdict.Pass(GateName);
        }

        var window = _context.CooldownFor(slot.PositionsBefore);
        if (_context.Cooldowns.TryRecordTrade(intent.Exchange, window, ref clock, out var elapsed, out var previous, out var stamped))
        {
            receipt = new AdmissionReceipt(stamped, previous, Taken: true);
            return GateVerdict.Pass(GateName);
        }

        return GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed.TotalSeconds, window.TotalSeconds);
    }

    /// <summary>Puts back the stamp the trade replaced, unless another trade has stamped since.</summary>
    /// <param name="intent">The intent whose admission was refused later.</param>
    /// <param name="receipt">The receipt of <see cref="TryTake"/>.</param>
    public void Undo(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        if (receipt.Taken)
        {
            _context.Cooldowns.UndoTrade(intent.Exchange, receipt.Value, receipt.Previous);
        }
    }

    /// <summary>Logs the cooldown the admitted trade started; a stamp later undone is never logged.</summary>
    /// <param name="intent">The intent admitted.</param>
    /// <param name="receipt">The receipt of <see cref="TryTake"/>.</param>
    public void Admitted(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        // An admitted entry holds a position, so the next trade waits for the with-positions window. The level is
        // checked first so the figure is not computed for a logger that would drop it.
        if (receipt.Taken && _context.Logger.IsEnabled(LogLevel.Debug))
        {
            RiskLog.CooldownStarted(_context.Logger, intent.Exchange, _context.Settings.CooldownWithPositions.TotalSeconds, withPositions: true);
        }
    }

    /// <summary>True when both windows are zero: every trade passes, and the clock need not be read to say so.</summary>
    private static bool NoCooldown(RiskSettings settings) =>
        settings.SignalCooldown <= TimeSpan.Zero && settings.CooldownWithPositions <= TimeSpan.Zero;

    /// <summary>
    /// Judges the time since the last trade. Past the longer of the two windows the trade passes whatever the
    /// exchange holds, so the position book is read only when the answer depends on it.
    /// </summary>
    private GateVerdict Judge(in TradeIntent intent, TimeSpan elapsed)
    {
        // Read from the settings in force, so limits applied while running (RiskContext.ApplySettings) count at once.
        var settings = _context.Settings;
        if (elapsed >= settings.CooldownWithPositions && elapsed >= settings.SignalCooldown)
        {
            return GateVerdict.Pass(GateName);
        }

        var window = _context.CooldownFor(_context.Book.GetCounts(intent.Exchange).Total);
        return elapsed >= window
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed.TotalSeconds, window.TotalSeconds);
    }
}
