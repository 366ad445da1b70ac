using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OiTracker.Replay;
using OiTracker.Tape;
using RiskSdk;

namespace OiTracker.Generation;

/// <summary>
/// Writes a realistic, deterministic signal tape for NSE and BSE index options: signals arrive second by second with
/// the <see cref="IntradayPattern"/>'s intensity plus bursts (several signals on one index within a minute or two, as
/// open interest builds), confidences spread around the 0.70 and 0.95 thresholds, Kelly fractions around the 0.15
/// minimum, a few oversized orders, and an exit for every signal by target, stop or time.
/// </summary>
internal sealed class TapeGenerator
{
    /// <summary>Average entry signals per trading hour on each exchange.</summary>
    public static readonly IReadOnlyDictionary<string, double> SignalsPerHour = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["NSE"] = 26,
        ["BSE"] = 14,
    };

    /// <summary>Bursts per minute at an average rate of 20 signals an hour, scaled with the exchange's rate.</summary>
    private const double BurstsPerMinute = 0.035;
    private readonly SplitMix64 _random;
    private int _drafted;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed; the same seed always gives the same tape.</param>
    public TapeGenerator(ulong seed) => _random = new SplitMix64(seed);

    /// <summary>Generates consecutive weekdays from <paramref name="firstDay"/>.</summary>
    /// <param name="firstDay">The first trading day (a weekend day moves to the Monday after).</param>
    /// <param name="days">How many trading days.</param>
    /// <returns>The events in time order; line numbers are zero.</returns>
    public IReadOnlyList<TapeEvent> Generate(DateOnly firstDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var events = new List<TapeEvent>();
        var day = firstDay;
        for (var generated = 0; generated < days; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var exchange in SignalsPerHour.Keys)
            {
                GenerateDay(events, exchange, day);
            }

            generated++;
        }

        // OrderBy is stable: rows at the same instant keep the order they were made in.
        return NumberInTimeOrder(events.OrderBy(static row => row.Time).ToList());
    }

    /// <summary>Gives signals ids numbered in time order per exchange and day (<c>N261125-0001</c>), exits following their signals.</summary>
    private static List<TapeEvent> NumberInTimeOrder(List<TapeEvent> events)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var row = events[i];
            if (row.Kind == TapeEventKind.Signal)
            {
                var day = string.Create(CultureInfo.InvariantCulture, $"{row.Exchange[0]}{row.Time:yyMMdd}");
                var number = counters.GetValueOrDefault(day) + 1;
                counters[day] = number;
                ids[row.SignalId] = string.Create(CultureInfo.InvariantCulture, $"{day}-{number:D4}");
            }

            events[i] = row with { SignalId = ids[row.SignalId] };
        }

        return events;
    }

    private void GenerateDay(List<TapeEvent> events, string exchange, DateOnly day)
    {
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TapeRowParser.IndiaOffset);
        var perSecond = SignalsPerHour[exchange] / 3600.0;
        for (var second = TradingSessions.Open; second < IntradayPattern.LastEntry; second += TimeSpan.FromSeconds(1))
        {
            var activity = IntradayPattern.Activity(second);
            if (_random.Chance(perSecond * activity))
            {
                var at = midnight + second + TimeSpan.FromMilliseconds(_random.Inclusive(0, 999));
                AddSignal(events, exchange, PickUnderlying(exchange), at, midnight, inBurst: false);
            }

            if (_random.Chance(BurstsPerMinute * activity * perSecond * 3600 / 20.0 / 60.0))
            {
                AddBurst(events, exchange, midnight + second, midnight);
            }
        }
    }

    private void AddBurst(List<TapeEvent> events, string exchange, DateTimeOffset start, DateTimeOffset midnight)
    {
        var underlying = PickUnderlying(exchange);
        var at = start;
        var size = _random.Inclusive(3, 7);
        for (var i = 0; i < size && (at - midnight) < IntradayPattern.LastEntry; i++)
        {
            AddSignal(events, exchange, underlying, at, midnight, inBurst: true);
            at += TimeSpan.FromMilliseconds(_random.Inclusive(4_000, 25_000));
        }
    }

    private void AddSignal(List<TapeEvent> events, string exchange, Underlying underlying, DateTimeOffset at, DateTimeOffset midnight, bool inBurst)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"draft-{++_drafted}");
        var regime = IntradayPattern.Regime(at - midnight);
        var call = _random.Chance(0.5);
        var side = _random.Chance(0.85) ? TradeSide.Buy : TradeSide.Sell;
        var offset = _random.Inclusive(-3, 3);
        var strike = (Math.Round(underlying.Spot / underlying.StrikeStep) + offset) * underlying.StrikeStep;
        var symbol = string.Create(CultureInfo.InvariantCulture, $"{underlying.Name} {strike:F0} {(call ? "CE" : "PE")}");
        var lots = Lots();
        var optionDelta = Math.Clamp(0.5 - (offset * (call ? 0.07 : -0.07)), 0.15, 0.85) * (regime == MarketRegime.HighVolatility ? 1.15 : 1.0);
        var sign = (call ? 1 : -1) * (side == TradeSide.Buy ? 1 : -1);
        var signal = new TapeEvent(
            0, at, TapeEventKind.Signal, exchange, id, symbol, side,
            Confidence(inBurst), Round(Math.Clamp(_random.Normal(0.22, 0.07), 0.03, 0.45), 3), lots,
            Round(sign * optionDelta * lots, 2), regime, ExitReason.None, 0);
        events.Add(signal);
        events.Add(ExitFor(signal, underlying, midnight));
    }

    private TapeEvent ExitFor(TapeEvent signal, Underlying underlying, DateTimeOffset midnight)
    {
        var fate = _random.NextDouble();
        var (reason, minutes, points) = fate switch
        {
            < 0.45 => (ExitReason.Target, _random.Between(4, 25), _random.Between(8, 25)),
            < 0.80 => (ExitReason.Stop, _random.Between(2, 15), -_random.Between(6, 18)),
            _ => (ExitReason.Time, _random.Between(40, 60), _random.Normal(0, 6)),
        };
        var at = signal.Time + TimeSpan.FromSeconds(Math.Round(minutes * 60, 1));
        if (at - midnight >= IntradayPattern.SquareOff)
        {
            (reason, at, points) = (ExitReason.Time, midnight + IntradayPattern.SquareOff, _random.Normal(0, 5));
        }

        var pnl = Round(points * underlying.LotSize * signal.Lots, 2);
        return signal with { Time = at, Kind = TapeEventKind.Exit, ExitReason = reason, Pnl = pnl };
    }

    private double Confidence(bool inBurst)
    {
        var draw = _random.NextDouble();
        return draw switch
        {
            < 0.02 => 0.70,
            < 0.04 => 0.95,
            _ when inBurst && draw < 0.30 => Round(_random.Between(0.95, 0.99), 3),
            < 0.24 => Round(_random.Between(0.50, 0.70), 3),
            < 0.72 => Round(_random.Between(0.70, 0.90), 3),
            < 0.86 => Round(_random.Between(0.90, 0.95), 3),
            _ => Round(_random.Between(0.95, 0.99), 3),
        };
    }

    private int Lots()
    {
        var draw = _random.NextDouble();
        return draw switch
        {
            < 0.35 => 1,
            < 0.65 => 2,
            < 0.83 => 3,
            < 0.94 => 4,
            _ => _random.Inclusive(5, 6),
        };
    }

    private Underlying PickUnderlying(string exchange)
    {
        var draw = _random.NextDouble();
        Underlying? last = null;
        foreach (var underlying in Underlying.All)
        {
            if (underlying.Exchange != exchange)
            {
                continue;
            }

            last = underlying;
            draw -= underlying.Weight;
            if (draw < 0)
            {
                return underlying;
            }
        }

        return last ?? throw new ArgumentException($"No underlying trades on {exchange}.", nameof(exchange));
    }

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
