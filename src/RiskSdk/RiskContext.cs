using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RiskSdk.Gates;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk;

/// <summary>
/// Everything the gates share: the settings, the position book, the kill switch, the cooldown clock, the order-rate
/// limiter, the exposure figures, the clock, the logger and the metrics. One per trading process (or per account);
/// every gate and pipeline is built from it.
/// </summary>
public sealed class RiskContext : IDisposable
{
    /// <summary>No halt of the switch was caused by <see cref="RiskSettings.AutoExecEnabled"/> being false.</summary>
    private const long NoSettingsHalt = -1;

    private readonly object _applying = new();

    /// <summary>The sharing of <see cref="Switch"/> through a book that is an <see cref="ITradingStateStore"/>, or null.</summary>
    private ITradingStateSharing? _tradingStateSharing;
    private RiskSettings _settings;

    /// <summary>The switch's request count right after <see cref="RiskSettings.AutoExecEnabled"/> halted it, or <see cref="NoSettingsHalt"/>.</summary>
    private long _settingsHalt = NoSettingsHalt;

    /// <summary>Creates a context. The settings are validated first; invalid settings throw, listing every problem.</summary>
    /// <param name="settings">The limits.</param>
    /// <param name="book">The position book; default a new <see cref="InMemoryPositionBook"/>.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger; default none.</param>
    /// <param name="name">The context's name (the account), on its metrics and status; default <see cref="DefaultName"/>.</param>
    /// <param name="meterFactory">Creates the <see cref="RiskMetrics.MeterName"/> meter (the DI container's, so its listeners see it); default a meter of the context's own.</param>
    /// <exception cref="ArgumentException">The settings are invalid, or the name is empty.</exception>
    public RiskContext(RiskSettings settings, IPositionBook? book = null, TimeProvider? timeProvider = null, ILogger? logger = null, string? name = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A context's name must not be empty or blank.", nameof(name));
        }

        _settings = settings;
        Name = name ?? DefaultName;
        Time = timeProvider ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        Book = book ?? new InMemoryPositionBook(settings.ReservationTimeout, Time, Logger);
        KeepAccountTotalFor(settings);
        Switch = settings.AutoExecEnabled
            ? new TradingSwitch(TradingState.Active, "auto-execution enabled at start", TradingSwitch.SettingsActor, Logger, Time)
            : new TradingSwitch(TradingState.Halted, "auto-execution disabled in the settings (AutoExecEnabled = false)", TradingSwitch.SettingsActor, Logger, Time);
        _settingsHalt = settings.AutoExecEnabled ? NoSettingsHalt : Switch.Requests;
        Cooldowns = new CooldownClock(Time);
        OrderRate = new OrderRateLimiter(settings.MaxOrdersPerSecond, Time);
        Exposure = new ExposureMonitor();
        Intake = new IntentGate(this);
        Monitor = new RiskMonitor(this);
        Metrics = new RiskMetrics(this, meterFactory);
        _tradingStateSharing = (Book as ITradingStateStore)?.ShareTradingState(Switch);
    }

    /// <summary>The name of a context created without one.</summary>
    public const string DefaultName = "default";

    /// <summary>The context's name (the account): the <c>risksdk.context</c> attribute of its metrics, and its status's name.</summary>
    public string Name { get; }

    /// <summary>The operator's view: the whole picture at once, a stream of changes, the latest decisions.</summary>
    public RiskMonitor Monitor { get; }

    /// <summary>The limits in force; <see cref="ApplySettings"/> replaces them for the next decision.</summary>
    public RiskSettings Settings => Volatile.Read(ref _settings);

    /// <summary>The one source of truth for open positions.</summary>
    public IPositionBook Book { get; }

    /// <summary>
    /// The kill switch. Per process, unless the book is an <see cref="ITradingStateStore"/> (the Redis ledger): then
    /// every context on that ledger shares one state, and a halt in any process halts them all.
    /// </summary>
    public TradingSwitch Switch { get; }

    /// <summary>Each exchange's last trade, on the monotonic clock.</summary>
    public CooldownClock Cooldowns { get; }

    /// <summary>Orders per exchange over the last second.</summary>
    public OrderRateLimiter OrderRate { get; }

    /// <summary>Net delta and session P&amp;L, reported by the app.</summary>
    public ExposureMonitor Exposure { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The logger.</summary>
    public ILogger Logger { get; }

    /// <summary>The <c>RiskSdk</c> meter's instruments.</summary>
    public RiskMetrics Metrics { get; }

    /// <summary>The check every pipeline runs first: exchange identity, declared exchanges, model outputs and verified exits.</summary>
    internal IntentGate Intake { get; }

    /// <summary>
    /// The exchanges to report on, by canonical name: every declared exchange (<see cref="RiskSettings.Exchanges"/>)
    /// from the start, in the order declared, then any other the book has seen. Never throws: when the book cannot be
    /// read, the declared ones.
    /// </summary>
    public IReadOnlyList<string> Exchanges
    {
        get
        {
            var names = new List<string>();
            foreach (var declared in Settings.DeclaredExchanges)
            {
                names.Add(declared.Value);
            }

            foreach (var scope in Book.Scopes)
            {
                if (!names.Contains(scope))
                {
                    names.Add(scope);
                }
            }

            return names;
        }
    }

    /// <summary>
    /// False while <see cref="Switch"/> is shared through the book (<see cref="ITradingStateStore"/>, the Redis ledger)
    /// and the shared state is not confirmed: not yet read since start, not confirmed within the store's staleness
    /// bound, or a move made here not yet written. A halt made in another process may then not have arrived, so every
    /// pipeline refuses every entry (<see cref="RejectionReason.LedgerUnavailable"/> from the kill switch), whatever its
    /// gates; verified exits still pass. Always true for a switch kept per process (read without a clock).
    /// </summary>
    public bool TradingStateKnown => Volatile.Read(ref _tradingStateSharing) is not { IsCurrent: false };

    /// <summary>The cooldown in force for an exchange holding <paramref name="positions"/> open or pending positions.</summary>
    /// <param name="positions">Open plus pending positions.</param>
    /// <returns><see cref="RiskSettings.CooldownWithPositions"/> when any are held, else <see cref="RiskSettings.SignalCooldown"/>.</returns>
    public TimeSpan CooldownFor(int positions) => positions > 0 ? Settings.CooldownWithPositions : Settings.SignalCooldown;

    /// <summary>A snapshot of one exchange for a UI.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="regime">The regime whose caps to show.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentException">The name is refused by the <see cref="ExchangeName"/> rule.</exception>
    public ExchangeStatus GetStatus(string exchange, MarketRegime regime = MarketRegime.Normal)
    {
        exchange = ExchangeName.Parse(exchange, nameof(exchange)).Value;
        var counts = Book.GetCounts(exchange);
        var window = CooldownFor(counts.Total);
        var remaining = Cooldowns.SinceLastTrade(exchange) is { } since && since < window ? window - since : TimeSpan.Zero;
        return new ExchangeStatus(
            exchange,
            counts.Open,
            counts.Pending,
            PositionCap.For(Settings, 0, regime).Allowed,
            PositionCap.For(Settings, 1, regime).Allowed,
            remaining,
            Switch.State,
            Exposure.DrawdownLatched)
        {
            Unavailable = counts.Unavailable,
        };
    }

    /// <summary>
    /// Puts new limits in force for the next decision, keeping the book, the open reservations, the cooldowns and the
    /// order counts. <see cref="RiskSettings.AutoExecEnabled"/> turning false halts the switch; turning true again
    /// resumes only the halt it caused itself, never one an operator (or anything else) requested since.
    /// </summary>
    /// <remarks>
    /// <see cref="RiskSettings.MaxOrdersPerSecond"/> sizes the order-rate limiter and <see cref="RiskSettings.ReservationTimeout"/>
    /// the book, so those two keep their running values until the context is created again; their names are returned.
    /// </remarks>
    /// <param name="settings">The new limits.</param>
    /// <returns>The names of the settings that changed but keep their running values until restart; empty when every change applied.</returns>
    /// <exception cref="ArgumentException">The settings are invalid (every problem is listed); nothing changes.</exception>
    public IReadOnlyList<string> ApplySettings(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        lock (_applying)
        {
            return Apply(settings);
        }
    }

    private List<string> Apply(RiskSettings settings)
    {
        var current = Settings;
        var kept = new List<string>();
        if (settings.MaxOrdersPerSecond != current.MaxOrdersPerSecond)
        {
            kept.Add(nameof(RiskSettings.MaxOrdersPerSecond));
        }

        if (settings.ReservationTimeout != current.ReservationTimeout)
        {
            kept.Add(nameof(RiskSettings.ReservationTimeout));
        }

        KeepAccountTotalFor(settings);
        Volatile.Write(ref _settings, settings with { MaxOrdersPerSecond = current.MaxOrdersPerSecond, ReservationTimeout = current.ReservationTimeout });
        if (current.AutoExecEnabled && !settings.AutoExecEnabled)
        {
            // The halt is this setting's own only when trading was active and no other request came in between;
            // otherwise turning the setting back on must not undo someone else's halt or reduce-only.
            var before = Switch.Requests;
            var wasActive = Switch.State == TradingState.Active;
            Switch.Halt("auto-execution turned off in the reloaded settings (AutoExecEnabled = false)", TradingSwitch.SettingsActor);
            _settingsHalt = wasActive ? before + 1 : NoSettingsHalt;
        }
        else if (!current.AutoExecEnabled && settings.AutoExecEnabled)
        {
            if (Switch.State == TradingState.Halted && Switch.Requests == _settingsHalt)
            {
                Switch.Resume("auto-execution turned on in the reloaded settings (AutoExecEnabled = true)", TradingSwitch.SettingsActor);
            }

            _settingsHalt = NoSettingsHalt;
        }

        return kept;
    }

    /// <summary>
    /// Has the in-memory book keep its account-wide total before settings with an account-wide cap are in force, so
    /// the first decisions under the cap do not wait for the count (the book counts while other threads reserve).
    /// </summary>
    private void KeepAccountTotalFor(RiskSettings settings)
    {
        if (settings.MaxOpenPositionsTotal is not null && Book is InMemoryPositionBook memory)
        {
            memory.TrackAccountTotal();
        }
    }

    /// <summary>
    /// Frees the per-exchange state of every idle exchange that is not declared (<see cref="RiskSettings.Exchanges"/>):
    /// the book's scope when nothing is open, pending or remembered as expired in it (<see cref="InMemoryPositionBook.ReclaimIdle()"/>),
    /// the order-rate window once none of its orders counts, and the cooldown stamp once the last trade is older than
    /// the longest cooldown any settings can set (<see cref="RiskSettings.MaxCooldownSeconds"/>), so settings applied
    /// later with a longer cooldown still find every trade inside it. A freed exchange decides exactly as one never seen.
    /// Safe while other threads decide; a host calls it on an interval, so an exchange seen once does not hold memory
    /// for the life of the process.
    /// </summary>
    /// <remarks>
    /// Declared exchanges are always kept: they trade, and status shows them from the start. A book that keeps no
    /// per-exchange state in this process (the Redis ledger) frees no scopes.
    /// </remarks>
    /// <returns>How many of each kind of state were freed.</returns>
    public ReclaimReport ReclaimIdleExchanges()
    {
        var declared = Settings.DeclaredExchanges;
        var keep = new HashSet<string>(declared.Count, StringComparer.Ordinal);
        foreach (var exchange in declared)
        {
            keep.Add(exchange.Value);
        }

        var scopes = Book is InMemoryPositionBook memory ? memory.ReclaimIdleExcept(keep) : 0;
        var orderWindows = OrderRate.ReclaimIdleExcept(keep);
        var cooldowns = Cooldowns.ReclaimIdleExcept(TimeSpan.FromSeconds(RiskSettings.MaxCooldownSeconds), keep);
        return new ReclaimReport(scopes, cooldowns, orderWindows);
    }

    /// <summary>
    /// Makes the kill switch this process's own again: stops sharing it through the ledger (nothing happens when it is
    /// not shared). A stopping host calls it before its own halt, so that halt does not reach every other process.
    /// </summary>
    public void StopSharingTradingState() => Interlocked.Exchange(ref _tradingStateSharing, null)?.Dispose();

    /// <summary>Starts a new trading session: P&amp;L and the drawdown stop reset, cooldowns forgotten. Positions stay.</summary>
    public void ResetSession()
    {
        Exposure.ResetSession();
        Cooldowns.Reset();
    }

    /// <summary>Turns a gate's rejection into a decision: logged, counted (one test while nobody listens), recorded for the operator.</summary>
    /// <param name="intent">The intent refused.</param>
    /// <param name="verdict">The rejecting verdict.</param>
    /// <returns>The rejected decision.</returns>
    internal RiskDecision Reject(in TradeIntent intent, in GateVerdict verdict) =>
        Reject(in intent, verdict.Gate, verdict.Reason, verdict.Observed, verdict.Limit, verdict.Detail);

    /// <summary>As <see cref="Reject(in TradeIntent, in GateVerdict)"/>, from the verdict's parts (each in a register: no verdict is held in memory for it).</summary>
    /// <param name="intent">The intent refused.</param>
    /// <param name="gate">The refusing gate; null (the empty verdict) is refused as <see cref="RejectionReason.GateFault"/> by <see cref="GateVerdict.UnnamedGate"/>.</param>
    /// <param name="reason">Why; <see cref="RejectionReason.None"/> is refused as <see cref="RejectionReason.GateFault"/>.</param>
    /// <param name="observed">The observed figure.</param>
    /// <param name="limit">The limit.</param>
    /// <param name="detail">The detail, if any.</param>
    /// <returns>The rejected decision.</returns>
    internal RiskDecision Reject(in TradeIntent intent, string gate, RejectionReason reason, double observed, double limit, string? detail)
    {
        if (gate is null || reason == RejectionReason.None)
        {
            // Not a refusal any gate made: the empty verdict (default GateVerdict), or a pass handed in as a refusal.
            // Refused as a fault, so logs, metrics and the message never show a reason of None or no gate.
            detail = gate is null ? GateVerdict.EmptyVerdictDetail : detail;
            gate ??= GateVerdict.UnnamedGate;
            reason = RejectionReason.GateFault;
        }

        RiskLog.TradeRejected(Logger, intent.Exchange, gate, reason, observed, limit);
        Metrics.RecordRejected(in intent, reason);
        Monitor.Record(in intent, gate, reason, observed, limit, detail, approved: false);
        return RiskDecision.Rejected(intent.Exchange, gate, reason, observed, limit, detail);
    }

    /// <summary>Turns a gate's exception into a <see cref="RejectionReason.GateFault"/> decision (fail closed), logging the exception.</summary>
    /// <param name="intent">The intent being evaluated.</param>
    /// <param name="gate">The gate that threw.</param>
    /// <param name="exception">What it threw.</param>
    /// <returns>The rejected decision.</returns>
    internal RiskDecision Fault(in TradeIntent intent, string gate, Exception exception)
    {
        RiskLog.GateFaulted(Logger, exception, gate, intent.Exchange ?? "(none)");
        var verdict = GateVerdict.Fault(gate, exception);
        var named = intent.Exchange is null ? intent with { Exchange = "(none)" } : intent;
        Metrics.RecordRejected(in named, RejectionReason.GateFault);
        Monitor.Record(in named, verdict.Gate, verdict.Reason, verdict.Observed, verdict.Limit, verdict.Detail, approved: false);
        return RiskDecision.Rejected(named.Exchange, verdict);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        StopSharingTradingState();
        Metrics.Dispose();
        Monitor.Dispose();
    }
}
