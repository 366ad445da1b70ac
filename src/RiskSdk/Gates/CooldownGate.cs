using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using RiskSdk.Monitoring;

namespace RiskSdk.Gates;

/// <summary>Refuses a new position until the cooldown since the exchange's last trade has passed: <see cref="RiskSettings.CooldownWithPositions"/> while it holds open or pending positions, <see cref="RiskSettings.SignalCooldown"/> while flat. Exits pass. The trade is stamped atomically when admitted, and the stamp given back when a later admission step refuses.</summary>
public sealed class CooldownGate : ITimedGate, IAdmittingGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "Cooldown";

    private readonly RiskContext _context;

    /// <summary>The context's cooldown clock (it lives as long as the context), held here so a take reaches it in one step.</summary>
    private readonly CooldownClock _cooldowns;

    /// <summary>The windows of the settings last seen, in the cooldown clock's ticks; replaced when the settings are.</summary>
    private CooldownWindows? _windows;

    /// <summary>Creates the gate over a context's settings and state.</summary>
    /// <param name="context">The shared context.</param>
    public CooldownGate(RiskContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _cooldowns = context.Cooldowns;
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
    public GateVerdict Check(in TradeIntent intent, ref DecisionClock clock)
    {
        if (intent.ReducesExposure)
        {
            return GateVerdict.Pass(GateName);
        }

        // Both windows zero: every trade passes, and the clock need not be read to say so.
        var windows = WindowsFor(_context.Settings);
        if ((windows.Signal == 0 && windows.WithPositions == 0) || !_cooldowns.TryLastTrade(intent.Exchange, ref clock, out var last, out var now)
            || HasPassed(in intent, windows, last, now, out var elapsed, out var window))
        {
            return GateVerdict.Pass(GateName);
        }

        return GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed, window);
    }

    /// <summary>Stamps the trade when the window in force has passed, atomically. Exits pass and stamp nothing.</summary>
    /// <param name="intent">The intent being admitted.</param>
    /// <param name="slot">The slot taken; its <see cref="AdmissionSlot.PositionsBefore"/> chooses the window.</param>
    /// <param name="clock">The decision's clock: the stamp is its reading.</param>
    /// <param name="receipt">The stamp written and the one it replaced.</param>
    /// <returns>Pass, or a rejection when another thread traded inside the window first.</returns>
    public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt)
    {
        // The common case, inlined: the windows of the settings in force already converted, the stamp one compare-and-swap.
        if (!intent.ReducesExposure && Volatile.Read(ref _windows) is { } windows && ReferenceEquals(windows.Settings, _context.Settings))
        {
            var at = _cooldowns.TryStampQuickly(intent.Exchange, windows.Ticks(slot.PositionsBefore > 0), ref clock, out var last);
            if (at != CooldownClock.NotStamped)
            {
                receipt = new AdmissionReceipt(at, last, Taken: true);
                return GateVerdict.Pass(GateName);
            }
        }

        return TakeFully(in intent, in slot, ref clock, out receipt, out var elapsed, out var window)
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.CooldownActive, elapsed, window);
    }

    /// <summary>
    /// The take when its common case stamped nothing: exits, settings not seen before, every other case of the stamp.
    /// Answers with the refusal's figures rather than a verdict: a verdict returned from a call that is not inlined is
    /// a temporary of the admission's frame, zeroed on every decision.
    /// </summary>
    /// <returns>True when the trade passes (stamped, or an exit); otherwise the seconds since the last trade and the window's.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TakeFully(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt, out double elapsed, out double window)
    {
        receipt = AdmissionReceipt.Nothing;
        elapsed = window = 0;
        if (intent.ReducesExposure)
        {
            return true;
        }

        // One read of the settings in force gives the window, in the clock's ticks, and the figure a refusal reports.
        var windows = WindowsFor(_context.Settings);
        var withPositions = slot.PositionsBefore > 0;
        var cooldowns = _cooldowns;
        if (cooldowns.TryStamp(intent.Exchange, nameof(intent), windows.Ticks(withPositions), ref clock, out var last, out var at))
        {
            receipt = new AdmissionReceipt(at, last, Taken: true);
            return true;
        }

        elapsed = cooldowns.Elapsed(last, at).TotalSeconds;
        window = windows.Window(withPositions).TotalSeconds;
        return false;
    }

    /// <summary>Puts back the stamp the trade replaced, unless another trade has stamped since.</summary>
    /// <param name="intent">The intent whose admission was refused later.</param>
    /// <param name="receipt">The receipt of <see cref="TryTake"/>.</param>
    public void Undo(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        if (receipt.Taken)
        {
            _cooldowns.UndoTrade(intent.Exchange, receipt.Value, receipt.Previous);
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

    /// <summary>The two windows of <paramref name="settings"/> in the cooldown clock's ticks, worked out once per settings instance.</summary>
    private CooldownWindows WindowsFor(RiskSettings settings)
    {
        var windows = Volatile.Read(ref _windows);
        return windows is not null && ReferenceEquals(windows.Settings, settings) ? windows : Convert(settings);
    }

    /// <summary>Converts the windows of settings not seen before (at start, and after <see cref="RiskContext.ApplySettings"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private CooldownWindows Convert(RiskSettings settings)
    {
        var clock = _cooldowns;
        var windows = new CooldownWindows(settings, clock.TicksOf(settings.SignalCooldown), clock.TicksOf(settings.CooldownWithPositions));

        // Threads racing here each use the instance they built from the settings they read; the last one kept is as good.
        Volatile.Write(ref _windows, windows);
        return windows;
    }

    /// <summary>
    /// Judges the time since the last trade, in the clock's ticks as the stamp does. Past the longer of the two windows
    /// the trade passes whatever the exchange holds, so the position book is read only when the answer depends on it.
    /// Answers with the refusal's figures rather than a verdict: a verdict returned from a call that is not inlined is
    /// a temporary of the caller's frame, zeroed on every decision.
    /// </summary>
    /// <returns>True when the window in force has passed; otherwise the seconds since the last trade and the window's.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool HasPassed(in TradeIntent intent, CooldownWindows windows, long last, long now, out double elapsed, out double window)
    {
        elapsed = window = 0;
        if (CooldownClock.HasPassed(last, now, Math.Max(windows.Signal, windows.WithPositions)))
        {
            return true;
        }

        var withPositions = _context.Book.GetCounts(intent.Exchange).Total > 0;
        if (CooldownClock.HasPassed(last, now, windows.Ticks(withPositions)))
        {
            return true;
        }

        elapsed = _cooldowns.Elapsed(last, now).TotalSeconds;
        window = windows.Window(withPositions).TotalSeconds;
        return false;
    }

    /// <summary>The two windows of one settings instance, in timestamp ticks, read together so a decision never mixes two settings.</summary>
    /// <param name="Settings">The settings they come from (the windows as <see cref="TimeSpan"/>s, for a refusal's figures).</param>
    /// <param name="Signal"><see cref="RiskSettings.SignalCooldown"/> in ticks.</param>
    /// <param name="WithPositions"><see cref="RiskSettings.CooldownWithPositions"/> in ticks.</param>
    private sealed record CooldownWindows(RiskSettings Settings, long Signal, long WithPositions)
    {
        /// <summary>The window in force, in ticks: <see cref="WithPositions"/> while the exchange holds positions, <see cref="Signal"/> while flat.</summary>
        public long Ticks(bool withPositions) => withPositions ? WithPositions : Signal;

        /// <summary>The same window as the settings state it, for a refusal's figures.</summary>
        public TimeSpan Window(bool withPositions) => withPositions ? Settings.CooldownWithPositions : Settings.SignalCooldown;
    }
}
