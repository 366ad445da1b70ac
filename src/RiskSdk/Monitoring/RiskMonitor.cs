using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RiskSdk.Gates;
using RiskSdk.Positions;

namespace RiskSdk.Monitoring;

/// <summary>
/// The operator's read-only view of a <see cref="RiskContext"/>: one call for the whole picture
/// (<see cref="GetSnapshot"/>), and a stream of pictures as they change (<see cref="WatchAsync"/>). The decision
/// path only writes a record into a fixed ring and never waits on a reader; every read happens on the reader's thread.
/// </summary>
public sealed class RiskMonitor : IDisposable
{
    /// <summary>How often the time stamped on decision records is refreshed from the context's clock.</summary>
    public static readonly TimeSpan ClockResolution = TimeSpan.FromMilliseconds(100);

    /// <summary>The most decisions a snapshot can show (the ring's size).</summary>
    public const int MaxRecentDecisions = DecisionLog.Capacity;

    private static readonly TimeSpan FullCheckInterval = TimeSpan.FromSeconds(1);
    private readonly RiskContext _context;
    private readonly DecisionLog _decisions = new();
    private readonly DecisionTimeSource _time;

    internal RiskMonitor(RiskContext context)
    {
        _context = context;
        _time = new DecisionTimeSource(context.Time, ClockResolution);
    }

    /// <summary>Decisions made so far.</summary>
    public long DecisionCount => _decisions.Count;

    /// <summary>
    /// Moves whenever a decision is made or the kill switch moves; a reader that polls compares two readings.
    /// (Fills, closes and expiries move the book without moving this; <see cref="WatchAsync"/> also checks the book.)
    /// </summary>
    public long Version => _decisions.Count + _context.Switch.Version;

    /// <summary>The regime of the most recent decision (read from the recent decisions); <see cref="MarketRegime.Normal"/> before any.</summary>
    public MarketRegime CurrentRegime => _decisions.NewestRegime();

    /// <summary>The newest decisions, newest first.</summary>
    /// <param name="count">At most this many, up to <see cref="MaxRecentDecisions"/>.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<DecisionRecord> GetRecentDecisions(int count = 20) => _decisions.Read(count);

    /// <summary>
    /// The whole picture now: every declared and every seen exchange with open and pending positions (and their
    /// ids), the caps configured and in force for the current regime, the account total, cooldowns, order-rate
    /// headroom, the kill switch with its cause, the drawdown against its stop, whether the ledger answered
    /// (unknown counts are null, never zero), and the latest decisions. Reads the book once per exchange; never throws
    /// for a book that fails.
    /// </summary>
    /// <param name="recentDecisions">How many of the latest decisions to include, up to <see cref="MaxRecentDecisions"/>.</param>
    /// <returns>The snapshot.</returns>
    public RiskSnapshot GetSnapshot(int recentDecisions = 20)
    {
        var settings = _context.Settings;
        var takenAt = _time.Refresh();
        var clock = new DecisionClock(_context.Time);
        var regime = CurrentRegime;
        var caps = new CapSnapshot(
            settings.MaxOpenPositions,
            settings.MaxOpenPositionsHighConfidence,
            settings.HighConfidenceThreshold,
            regime,
            PositionCap.For(settings, 0, regime).Allowed,
            PositionCap.For(settings, 1, regime).Allowed);

        var decisions = _decisions.Read(recentDecisions);
        var exchanges = new List<ExchangeSnapshot>();
        var ledgerAnswered = true;
        foreach (var (exchange, declared) in ExchangesToShow(decisions))
        {
            var snapshot = ReadExchange(exchange, declared, ref clock);
            ledgerAnswered &= snapshot.LedgerAnswered;
            exchanges.Add(snapshot);
        }

        var total = ReadTotal();
        ledgerAnswered &= total is not null;
        var exposure = _context.Exposure;
        return new RiskSnapshot(
            _context.Name,
            takenAt,
            _context.Switch.Status,
            _context.TradingStateKnown,
            ledgerAnswered,
            caps,
            settings.MaxOrdersPerSecond,
            new AccountSnapshot(total?.Open, total?.Pending, settings.MaxOpenPositionsTotal),
            new DrawdownSnapshot(exposure.SessionPnl, settings.SessionDrawdownStop, exposure.DrawdownLatched),
            exchanges,
            _decisions.Count,
            decisions);
    }

    /// <summary>
    /// A snapshot now, then a new one each time something changed: a decision, a move of the kill switch (both
    /// seen within <paramref name="checkEvery"/>), or the book's counts, the ledger's availability or a cooldown
    /// starting or ending, or the shared trading state becoming known or unknown (checked every second). Pull-based, so it holds no queue: a slow reader gets the latest
    /// picture, never a backlog, and a decision never waits on it.
    /// </summary>
    /// <param name="checkEvery">How often to look for a change; default 100 ms.</param>
    /// <param name="recentDecisions">How many of the latest decisions each snapshot includes.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The snapshots.</returns>
    public async IAsyncEnumerable<RiskSnapshot> WatchAsync(
        TimeSpan? checkEvery = null,
        int recentDecisions = 20,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var interval = checkEvery ?? ClockResolution;
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(checkEvery), interval, "The check interval must be positive.");
        }

        var last = GetSnapshot(recentDecisions);
        var seen = Version;
        var lastFull = Environment.TickCount64;
        yield return last;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            var version = Version;
            var fullCheckDue = Environment.TickCount64 - lastFull >= (long)FullCheckInterval.TotalMilliseconds;
            if (version == seen && !fullCheckDue)
            {
                continue;
            }

            var next = GetSnapshot(recentDecisions);
            lastFull = Environment.TickCount64;
            if (version != seen || Differs(last, next))
            {
                seen = version;
                last = next;
                yield return next;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _time.Dispose();

    /// <summary>
    /// Records a decision for the operator, from its verdict's parts (gate, reason, figures, detail); called on every
    /// decision. Allocates nothing.
    /// </summary>
    internal void Record(in TradeIntent intent, string? gate, RejectionReason reason, double observed, double limit, string? detail, bool approved)
    {
        var high = intent.Confidence >= _context.Settings.HighConfidenceThreshold;
        _decisions.Record(in intent, gate, reason, observed, limit, detail, approved, high, _time.UtcTicks);
    }

    private static bool Differs(RiskSnapshot last, RiskSnapshot next)
    {
        if (last.LedgerAnswered != next.LedgerAnswered || last.Trading != next.Trading || last.TradingStateKnown != next.TradingStateKnown || last.Exchanges.Count != next.Exchanges.Count
            || last.Account != next.Account || last.Drawdown != next.Drawdown)
        {
            return true;
        }

        for (var i = 0; i < last.Exchanges.Count; i++)
        {
            ExchangeSnapshot a = last.Exchanges[i], b = next.Exchanges[i];
            if (a.Exchange != b.Exchange || a.Open != b.Open || a.Pending != b.Pending || a.LedgerAnswered != b.LedgerAnswered
                || (a.CooldownRemaining > TimeSpan.Zero) != (b.CooldownRemaining > TimeSpan.Zero))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every declared exchange in the order declared, then every other one seen (in the book or a decision), sorted.</summary>
    private List<(string Exchange, bool Declared)> ExchangesToShow(IReadOnlyList<DecisionRecord> decisions)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var exchanges = new List<(string Exchange, bool Declared)>();
        foreach (var declared in _context.Settings.DeclaredExchanges)
        {
            if (shown.Add(declared.Value))
            {
                exchanges.Add((declared.Value, true));
            }
        }

        var seen = new List<string>();
        IReadOnlyCollection<string> scopes;
        try
        {
            scopes = _context.Book.Scopes;
        }
        catch (Exception)
        {
            scopes = Array.Empty<string>();
        }

        foreach (var scope in scopes)
        {
            if (shown.Add(scope))
            {
                seen.Add(scope);
            }
        }

        foreach (var decision in decisions)
        {
            if (shown.Add(decision.Exchange))
            {
                seen.Add(decision.Exchange);
            }
        }

        seen.Sort(StringComparer.Ordinal);
        foreach (var exchange in seen)
        {
            exchanges.Add((exchange, false));
        }

        return exchanges;
    }

    private ExchangeSnapshot ReadExchange(string exchange, bool declared, ref DecisionClock clock)
    {
        var book = _context.Book;
        ScopeCounts counts;
        IReadOnlyList<string>? openIds = null;
        IReadOnlyList<long>? pendingIds = null;
        try
        {
            counts = book.GetCounts(exchange);
            if (!counts.Unavailable)
            {
                var open = new List<string>(book.GetOpenPositions(exchange));
                open.Sort(StringComparer.Ordinal);
                openIds = open;
                if (book.GetPendingReservations(exchange) is { } pending)
                {
                    var ids = new List<long>(pending);
                    ids.Sort();
                    pendingIds = ids;
                }
            }
        }
        catch (Exception)
        {
            counts = new ScopeCounts(0, 0) { Unavailable = true };
        }

        var window = _context.CooldownFor(counts.Unavailable ? 1 : counts.Total);
        var remaining = _context.Cooldowns.SinceLastTrade(exchange, ref clock) is { } since && since < window ? window - since : TimeSpan.Zero;
        var orders = _context.OrderRate.CountLastSecond(exchange, ref clock);
        var answered = !counts.Unavailable;
        return new ExchangeSnapshot(
            exchange,
            declared,
            answered,
            answered ? counts.Open : null,
            answered ? counts.Pending : null,
            openIds,
            pendingIds,
            remaining,
            orders,
            Math.Max(0, _context.OrderRate.MaxPerSecond - orders));
    }

    private ScopeCounts? ReadTotal()
    {
        try
        {
            var total = _context.Book.GetTotalCounts();
            return total.Unavailable ? null : total;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
