using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using RiskSdk.Monitoring;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk.Monitoring;

/// <summary>
/// One context's side of the <c>RiskSdk</c> meter. The meter comes from the <see cref="IMeterFactory"/> given to the
/// context (the DI container's, so its listeners and exporters see it) or is a static one; its version is the
/// package's. Every series carries <see cref="ContextAttribute"/>, so two contexts in one process stay apart.
/// Recording a decision allocates nothing and does nothing while no listener is attached. Names follow the
/// OpenTelemetry conventions; <c>docs/telemetry.md</c> lists every instrument and attribute.
/// </summary>
public sealed class RiskMetrics : IDisposable
{
    /// <summary>The name of the meter every instrument belongs to.</summary>
    public const string MeterName = "RiskSdk";

    /// <summary>The context's name (<see cref="RiskContext.Name"/>), on every series.</summary>
    public const string ContextAttribute = "risksdk.context";

    /// <summary>The exchange (scope).</summary>
    public const string ExchangeAttribute = "risksdk.exchange";

    /// <summary><c>approved</c> or <c>rejected</c>.</summary>
    public const string OutcomeAttribute = "risksdk.decision.outcome";

    /// <summary>The <see cref="RejectionReason"/> name of a rejection; absent on approvals.</summary>
    public const string ReasonAttribute = "risksdk.rejection.reason";

    /// <summary><c>entry</c> or <c>exit</c> (<see cref="TradeIntent.ReducesExposure"/>).</summary>
    public const string EffectAttribute = "risksdk.position.effect";

    /// <summary><c>normal</c> or <c>high</c>: whether the signal's confidence reached the high-confidence threshold.</summary>
    public const string BandAttribute = "risksdk.confidence.band";

    /// <summary><c>normal</c> or <c>high_volatility</c>.</summary>
    public const string RegimeAttribute = "risksdk.market.regime";

    /// <summary><c>open</c> or <c>pending</c>.</summary>
    public const string PositionStateAttribute = "risksdk.position.state";

    /// <summary><c>active</c>, <c>reducing_only</c> or <c>halted</c>.</summary>
    public const string TradingStateAttribute = "risksdk.trading.state";

    private static readonly string[] ReasonNames = Enum.GetNames<RejectionReason>();
    private static readonly string[] TradingStateNames = { "active", "reducing_only", "halted" };

    /// <summary>The exchange tag of a refusal for an exchange that is not declared: one series, not one per name a caller makes up.</summary>
    private const string UndeclaredExchange = "(undeclared)";

    private readonly RiskContext _context;
    private readonly RiskInstruments _instruments;

    // The two instruments the decision path asks about, held here so that "is anyone listening?" is one load fewer.
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _duration;
    private readonly KeyValuePair<string, object?> _contextTag;
    private readonly Dictionary<string, ScopeCounts> _lastKnown = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>Creates one context's instruments.</summary>
    /// <param name="context">The context whose book, settings and switch the observable instruments read.</param>
    /// <param name="meterFactory">Creates the meter; null for the static meter.</param>
    public RiskMetrics(RiskContext context, IMeterFactory? meterFactory = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _contextTag = new KeyValuePair<string, object?>(ContextAttribute, context.Name);
        _instruments = RiskInstruments.For(meterFactory);
        _decisions = _instruments.Decisions;
        _duration = _instruments.Duration;
        _instruments.Register(this);
    }

    /// <summary>True while a listener records <c>risksdk.decision.duration</c>; a pipeline measures only then.</summary>
    public bool MeasuresDuration
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _duration.Enabled;
    }

    /// <summary>Counts an approval. While nobody listens to <c>risksdk.decisions</c> this is one inlined test.</summary>
    /// <param name="intent">The approved intent.</param>
    /// <param name="highConfidence">True when the high-confidence cap applied.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RecordApproved(in TradeIntent intent, bool highConfidence)
    {
        if (_decisions.Enabled)
        {
            AddApproved(in intent, highConfidence);
        }
    }

    /// <summary>
    /// Counts a rejection. While nobody listens to <c>risksdk.decisions</c> this is one inlined test. A refusal for an
    /// exchange that is not declared (<see cref="RejectionReason.UnknownExchange"/>) is counted under the exchange
    /// <c>(undeclared)</c>, so metrics do not grow a series per name a caller makes up.
    /// </summary>
    /// <param name="intent">The rejected intent.</param>
    /// <param name="reason">Why.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RecordRejected(in TradeIntent intent, RejectionReason reason)
    {
        if (_decisions.Enabled)
        {
            AddRejected(in intent, reason);
        }
    }

    /// <summary>Records how long a decision took, from a <see cref="Stopwatch.GetTimestamp"/> reading taken when it started.</summary>
    /// <param name="startTimestamp">The reading when the decision started.</param>
    /// <param name="decision">The decision.</param>
    public void RecordDuration(long startTimestamp, in RiskDecision decision)
    {
        var seconds = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        try
        {
            _duration.Record(seconds, _contextTag, new KeyValuePair<string, object?>(OutcomeAttribute, decision.IsApproved ? "approved" : "rejected"));
        }
        catch (Exception exception) when (ListenerFault(exception))
        {
        }
    }

    /// <summary>
    /// A <see cref="MeterListener"/> callback threw while a decision was counted: the measurement is lost for the
    /// listeners after it, the decision stands (an exception here turned every decision into an exception).
    /// </summary>
    private static bool ListenerFault(Exception exception) => exception is not OutOfMemoryException;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddApproved(in TradeIntent intent, bool highConfidence)
    {
        var tags = new TagList
        {
            _contextTag,
            new(ExchangeAttribute, intent.Exchange),
            new(OutcomeAttribute, "approved"),
            new(EffectAttribute, intent.ReducesExposure ? "exit" : "entry"),
            new(BandAttribute, highConfidence ? "high" : "normal"),
        };
        try
        {
            _decisions.Add(1, in tags);
        }
        catch (Exception exception) when (ListenerFault(exception))
        {
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddRejected(in TradeIntent intent, RejectionReason reason)
    {
        var index = (int)reason;
        var tags = new TagList
        {
            _contextTag,
            new(ExchangeAttribute, reason == RejectionReason.UnknownExchange ? UndeclaredExchange : intent.Exchange ?? "(none)"),
            new(OutcomeAttribute, "rejected"),
            new(ReasonAttribute, index >= 0 && index < ReasonNames.Length ? ReasonNames[index] : "Unknown"),
            new(EffectAttribute, intent.ReducesExposure ? "exit" : "entry"),
            new(BandAttribute, intent.Confidence >= _context.Settings.HighConfidenceThreshold ? "high" : "normal"),
        };
        try
        {
            _decisions.Add(1, in tags);
        }
        catch (Exception exception) when (ListenerFault(exception))
        {
        }
    }

    /// <summary>Stops this context's observable series.</summary>
    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _instruments.Unregister(this);
        }
    }

    internal void ObservePositions(List<Measurement<int>> into)
    {
        var book = _context.Book;
        IReadOnlyCollection<string> scopes;
        try
        {
            scopes = _context.Exchanges;
        }
        catch (Exception)
        {
            scopes = Array.Empty<string>();
        }

        lock (_lastKnown)
        {
            // Declared exchanges have a series from the start (0 until a position opens), as on the status page.
            foreach (var declared in _context.Settings.DeclaredExchanges)
            {
                _lastKnown.TryAdd(declared.Value, default);
            }

            foreach (var scope in scopes)
            {
                ScopeCounts counts;
                try
                {
                    counts = book.GetCounts(scope);
                }
                catch (Exception)
                {
                    counts = new ScopeCounts(0, 0) { Unavailable = true };
                }

                if (!counts.Unavailable)
                {
                    _lastKnown[scope] = counts;
                }
                else if (!_lastKnown.ContainsKey(scope))
                {
                    continue; // never seen answered: no series to keep
                }
            }

            // Every exchange ever answered keeps its series; during an outage it holds the last known count.
            foreach (var (scope, counts) in _lastKnown)
            {
                var exchange = new KeyValuePair<string, object?>(ExchangeAttribute, scope);
                into.Add(new Measurement<int>(counts.Open, _contextTag, exchange, new KeyValuePair<string, object?>(PositionStateAttribute, "open")));
                into.Add(new Measurement<int>(counts.Pending, _contextTag, exchange, new KeyValuePair<string, object?>(PositionStateAttribute, "pending")));
            }
        }
    }

    internal void ObserveLedger(List<Measurement<int>> into)
    {
        bool answered;
        try
        {
            answered = !_context.Book.GetTotalCounts().Unavailable;
        }
        catch (Exception)
        {
            answered = false;
        }

        into.Add(new Measurement<int>(answered ? 1 : 0, _contextTag));
    }

    internal void ObserveLimits(List<Measurement<int>> into)
    {
        var settings = _context.Settings;
        foreach (var regime in new[] { MarketRegime.Normal, MarketRegime.HighVolatility })
        {
            var regimeTag = new KeyValuePair<string, object?>(RegimeAttribute, regime == MarketRegime.Normal ? "normal" : "high_volatility");
            into.Add(new Measurement<int>(PositionCap.For(settings, 0, regime).Allowed, _contextTag, regimeTag, new KeyValuePair<string, object?>(BandAttribute, "normal")));
            into.Add(new Measurement<int>(PositionCap.For(settings, 1, regime).Allowed, _contextTag, regimeTag, new KeyValuePair<string, object?>(BandAttribute, "high")));
        }
    }

    internal void ObserveTradingState(List<Measurement<int>> into)
    {
        var state = (int)_context.Switch.State;
        for (var i = 0; i < TradingStateNames.Length; i++)
        {
            into.Add(new Measurement<int>(i == state ? 1 : 0, _contextTag, new KeyValuePair<string, object?>(TradingStateAttribute, TradingStateNames[i])));
        }
    }

    internal void ObserveExpired(List<Measurement<long>> into) => into.Add(new Measurement<long>(_context.Book.ExpiredReservations, _contextTag));

    internal void ObserveCommitted(List<Measurement<long>> into)
    {
        if (_context.Book is IReservationStatistics statistics)
        {
            into.Add(new Measurement<long>(statistics.CommittedReservations, _contextTag));
        }
    }

    internal void ObserveReleased(List<Measurement<long>> into)
    {
        if (_context.Book is IReservationStatistics statistics)
        {
            into.Add(new Measurement<long>(statistics.ReleasedReservations, _contextTag));
        }
    }
}
