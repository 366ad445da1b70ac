using System;
using System.Runtime.CompilerServices;

using RiskSdk.Positions;

namespace RiskSdk.Gates;

/// <summary>
/// The first step of every pipeline, before any declared gate: refuses an intent that could slip past a limit, and
/// hands the rest of the pipeline the intent with its exchange in canonical form (<see cref="ExchangeName"/>), so
/// every spelling of a name meets the same caps, cooldowns and rate limits.
/// </summary>
/// <remarks>
/// In order: the exchange name must satisfy <see cref="ExchangeName"/> (<see cref="RejectionReason.InvalidExchange"/>);
/// confidence and Kelly must be finite numbers from 0 to 1, lots at least 1, delta finite, side and regime defined
/// values (<see cref="RejectionReason.InvalidIntent"/>, naming the field and its value), all before a cap is chosen;
/// when <see cref="RiskSettings.Exchanges"/> declares the exchanges, the name must be one of them
/// (<see cref="RejectionReason.UnknownExchange"/>); an exit must name a position the book holds open on that exchange
/// (<see cref="RejectionReason.NoPositionToReduce"/>, or <see cref="RejectionReason.LedgerUnavailable"/> when the book
/// cannot tell); an entry is refused while the shared trading state is unknown (<see cref="RiskContext.TradingStateKnown"/>,
/// the kill switch's <see cref="RejectionReason.LedgerUnavailable"/>). Refusing takes nothing and allocates nothing.
/// </remarks>
public sealed class IntentGate : IRiskGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "Intent";

    private readonly RiskContext _context;
    private readonly string[]? _declared;

    /// <summary>Creates the gate over a context's settings and book.</summary>
    /// <param name="context">The shared context.</param>
    public IntentGate(RiskContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        var declared = context.Settings.DeclaredExchanges;
        _declared = declared.Count == 0 ? null : ToValues(declared);
    }

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent) => Screen(in intent, out _);

    /// <summary>Checks the intent and gives it back with its exchange in canonical form, for the gates after this one.</summary>
    /// <param name="intent">The intent as the app built it.</param>
    /// <param name="accepted">
    /// The intent the rest of the pipeline decides on: <paramref name="intent"/> with <see cref="TradeIntent.Exchange"/>
    /// canonical (the same string when it already was). When the name itself is refused, its exchange is <c>(invalid)</c>,
    /// so logs and metrics never carry an unbounded set of spellings.
    /// </param>
    /// <returns>Pass, or the refusal.</returns>
    public GateVerdict Screen(in TradeIntent intent, out TradeIntent accepted)
    {
        var verdict = Accept(in intent, out var exchange);
        accepted = ReferenceEquals(exchange, intent.Exchange) ? intent : intent with { Exchange = exchange };
        return verdict;
    }

    /// <summary>
    /// <see cref="Screen(in TradeIntent, out TradeIntent)"/> without building the accepted intent: checks the intent and
    /// gives back its exchange in canonical form, for the gates after this one; a pipeline copies
    /// the intent only when that is not the very string it holds (an already canonical name is the common case).
    /// </summary>
    /// <param name="intent">The intent as the app built it.</param>
    /// <param name="exchange">
    /// The canonical exchange name (the same string instance when it already was canonical); <c>(invalid)</c> when the
    /// name itself is refused, so logs and metrics never carry an unbounded set of spellings.
    /// </param>
    /// <returns>Pass, or the refusal.</returns>
    /// <remarks>
    /// Inlined into a pipeline: the common intent (an entry on a name already canonical, usable model outputs, a
    /// declared exchange or none declared, the trading state known) passes in one straight run of tests, its verdict
    /// and name staying in the caller's registers. Anything else, however unusual, is decided by the whole check in
    /// its declared order, so a refusal and its figures do not depend on which test of the short run failed.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GateVerdict Accept(in TradeIntent intent, out string exchange)
    {
        if (AcceptsAsGiven(in intent))
        {
            exchange = intent.Exchange;
            return GateVerdict.Pass(GateName);
        }

        // Through a local of its own: the caller's name stays in a register on the common path.
        var verdict = AcceptInFull(in intent, out var decided);
        exchange = decided;
        return verdict;
    }

    /// <summary>
    /// The common intent, in one straight run of tests: an entry on a name already canonical, usable model outputs, a
    /// declared exchange or none declared, the trading state known. True means the whole check passes it with its
    /// exchange as given; false means nothing but "ask the whole check" (<see cref="AcceptInFull"/>).
    /// </summary>
    /// <param name="intent">The intent as the app built it.</param>
    /// <returns>True when the intent passes as given.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool AcceptsAsGiven(in TradeIntent intent)
    {
        var text = intent.Exchange;
        return ExchangeName.IsCanonicalAscii(text)
            && HasUsableFields(in intent)
            && intent.ReducesPosition is null
            && (_declared is null || IsDeclared(text))
            && _context.TradingStateKnown;
    }

    /// <summary>The whole intent check, in its declared order: what <see cref="Accept"/> runs for any intent off its common path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal GateVerdict AcceptInFull(in TradeIntent intent, out string exchange)
    {
        var problem = ExchangeName.Canonicalize(intent.Exchange, out var canonical, out var detail);
        if (problem != ExchangeNameProblem.None)
        {
            exchange = InvalidExchangeTag;
            return GateVerdict.Reject(GateName, RejectionReason.InvalidExchange, (int)problem, detail, intent.Exchange);
        }

        exchange = canonical!;
        var field = InvalidField(in intent, out var value);
        if (field is not null)
        {
            return GateVerdict.Reject(GateName, RejectionReason.InvalidIntent, value, 0, field);
        }

        if (_declared is not null && !IsDeclared(exchange))
        {
            return GateVerdict.Reject(GateName, RejectionReason.UnknownExchange, 0, _declared.Length, exchange);
        }

        if (intent.ReducesPosition is { } position)
        {
            switch (_context.Book.FindPosition(exchange, position))
            {
                case PositionPresence.Open:
                    break;
                case PositionPresence.Unavailable:
                    return GateVerdict.Reject(GateName, RejectionReason.LedgerUnavailable, 0, 0, position);
                default:
                    return GateVerdict.Reject(GateName, RejectionReason.NoPositionToReduce, 0, 0, position);
            }
        }
        else if (!_context.TradingStateKnown)
        {
            // Every pipeline, whatever its gates: an entry waits until a halt made elsewhere would have been seen.
            return KillSwitchGate.UnknownState(_context);
        }

        return GateVerdict.Pass(GateName);
    }

    /// <summary>The exchange a refusal for an unusable name is logged and counted under.</summary>
    internal const string InvalidExchangeTag = "(invalid)";

    /// <summary>The first field whose value could bypass a limit, with its value; null when all are usable.</summary>
    private static string? InvalidField(in TradeIntent intent, out double value)
    {
        value = intent.Confidence;
        if (!IsFraction(value))
        {
            return nameof(TradeIntent.Confidence);
        }

        value = intent.KellyFraction;
        if (!IsFraction(value))
        {
            return nameof(TradeIntent.KellyFraction);
        }

        value = intent.Lots;
        if (intent.Lots < 1)
        {
            return nameof(TradeIntent.Lots);
        }

        value = intent.Delta;
        if (!double.IsFinite(value))
        {
            return nameof(TradeIntent.Delta);
        }

        value = (int)intent.Side;
        if (!IsDefined(intent.Side))
        {
            return nameof(TradeIntent.Side);
        }

        value = (int)intent.Regime;
        if (!IsDefined(intent.Regime))
        {
            return nameof(TradeIntent.Regime);
        }

        value = 0;
        return null;
    }

    /// <summary>True when <see cref="InvalidField"/> finds nothing: the same tests, without naming a field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasUsableFields(in TradeIntent intent) =>
        IsFraction(intent.Confidence)
        && IsFraction(intent.KellyFraction)
        && intent.Lots >= 1
        && double.IsFinite(intent.Delta)
        && IsDefined(intent.Side)
        && IsDefined(intent.Regime);

    /// <summary>A finite number from 0 to 1 (NaN fails both comparisons).</summary>
    private static bool IsFraction(double value) => value >= 0 && value <= 1;

    private static bool IsDefined(TradeSide side) => side is TradeSide.Buy or TradeSide.Sell;

    private static bool IsDefined(MarketRegime regime) => regime is MarketRegime.Normal or MarketRegime.HighVolatility;

    private bool IsDeclared(string canonical)
    {
        foreach (var name in _declared!)
        {
            if (ReferenceEquals(name, canonical) || string.Equals(name, canonical, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] ToValues(System.Collections.Generic.IReadOnlyList<ExchangeName> names)
    {
        var values = new string[names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = names[i].Value;
        }

        return values;
    }
}
