using System;
using System.Collections.Generic;
using System.Globalization;

namespace RiskSdk;

/// <summary>
/// The limits every gate reads. Immutable; the defaults are the moderate profile of the plan RiskSdk grew from.
/// Build it from the environment with a generated configuration class, from a profile with
/// <see cref="ForProfile(RiskProfile)"/>, or by hand with an object initializer.
/// </summary>
public sealed record RiskSettings
{
    /// <summary>False starts trading halted (the kill switch); reducing orders still pass. Default true.</summary>
    public bool AutoExecEnabled { get; init; } = true;

    /// <summary>True when orders go to a paper broker. The gates behave the same; apps choose their broker from it.</summary>
    public bool PaperMode { get; init; }

    /// <summary>The lowest signal confidence that may open a position. Default 0.70.</summary>
    public double MinConfidence { get; init; } = 0.70;

    /// <summary>The lowest Kelly fraction that may open a position. Default 0.15.</summary>
    public double MinKellyFraction { get; init; } = 0.15;

    /// <summary>The most lots a single order may carry. Default 4.</summary>
    public int MaxLotsPerOrder { get; init; } = 4;

    /// <summary>The largest allowed absolute portfolio net delta after the order; null turns the gate off.</summary>
    public double? MaxNetDelta { get; init; }

    /// <summary>The session loss (a positive amount) at which new positions stop until the session is reset; null turns the gate off.</summary>
    public double? SessionDrawdownStop { get; init; }

    /// <summary>The open-position cap per exchange at normal confidence. Default 2.</summary>
    public int MaxOpenPositions { get; init; } = 2;

    /// <summary>The open-position cap per exchange at high confidence, and the hard ceiling in every case. Default 3.</summary>
    public int MaxOpenPositionsHighConfidence { get; init; } = 3;

    /// <summary>The confidence from which <see cref="MaxOpenPositionsHighConfidence"/> applies. Default 0.95.</summary>
    public double HighConfidenceThreshold { get; init; } = 0.95;

    /// <summary>The time since the last trade that must pass while the exchange has open or pending positions. Default 300 s.</summary>
    public TimeSpan CooldownWithPositions { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The time since the last trade that must pass while the exchange is flat. Default 30 s.</summary>
    public TimeSpan SignalCooldown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The factor both caps are multiplied by in a high-volatility regime, rounding down. Default 0.5.</summary>
    public double HighVolatilityScale { get; init; } = 0.5;

    /// <summary>The most orders per exchange in any one-second window (the exchange's algo threshold). Default 10.</summary>
    public int MaxOrdersPerSecond { get; init; } = 10;

    /// <summary>The largest <see cref="MaxOrdersPerSecond"/> accepted; the limiter keeps one timestamp per allowed order.</summary>
    public const int MaxOrdersPerSecondLimit = 100_000;

    /// <summary>How long a reservation may stay neither committed nor released before its slot is given back. Default 30 s.</summary>
    public TimeSpan ReservationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The exchanges the app trades, separated by commas (<c>NSE,BSE</c>), each under the <see cref="ExchangeName"/> rule;
    /// an intent on any other exchange is refused (<see cref="RejectionReason.UnknownExchange"/>), and status and metrics
    /// show every declared exchange from the start. Null (the default) accepts any valid name.
    /// </summary>
    public string? Exchanges { get; init; }

    /// <summary>
    /// The account-wide cap: the most open plus pending positions across every exchange, taken atomically with the
    /// per-exchange cap (<see cref="RejectionReason.TotalPositionLimitReached"/>). Null (the default) turns it off.
    /// Not scaled by the regime or the confidence.
    /// </summary>
    public int? MaxOpenPositionsTotal { get; init; }

    /// <summary>The largest <see cref="MaxOpenPositionsTotal"/> accepted.</summary>
    public const int MaxOpenPositionsTotalLimit = 100_000;

    /// <summary>The exchanges <see cref="Exchanges"/> declares, canonical and in the order given; empty when none are declared. Entries <see cref="Validate"/> reports as invalid are left out (a context refuses such settings).</summary>
    public IReadOnlyList<ExchangeName> DeclaredExchanges => ParseExchanges(Exchanges, problems: null);

    /// <summary>Returns the settings of one of the three ready-made profiles.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The profile's settings; everything the profile does not name keeps its default.</returns>
    public static RiskSettings ForProfile(RiskProfile profile) => profile switch
    {
        RiskProfile.Conservative => new RiskSettings
        {
            MaxOpenPositions = 1,
            MaxOpenPositionsHighConfidence = 2,
            HighConfidenceThreshold = 0.95,
            CooldownWithPositions = TimeSpan.FromSeconds(600),
            SignalCooldown = TimeSpan.FromSeconds(60),
        },
        RiskProfile.Moderate => new RiskSettings(),
        RiskProfile.Aggressive => new RiskSettings
        {
            MaxOpenPositions = 3,
            MaxOpenPositionsHighConfidence = 5,
            HighConfidenceThreshold = 0.90,
            CooldownWithPositions = TimeSpan.FromSeconds(180),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown risk profile."),
    };

    /// <summary>
    /// Lists every problem with these settings (not just the first). An empty list means they are usable.
    /// </summary>
    /// <returns>One readable sentence per problem, naming the setting.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireFraction(problems, nameof(MinConfidence), MinConfidence);
        RequireFraction(problems, nameof(MinKellyFraction), MinKellyFraction);
        RequireFraction(problems, nameof(HighConfidenceThreshold), HighConfidenceThreshold);
        RequireFraction(problems, nameof(HighVolatilityScale), HighVolatilityScale);
        if (MaxLotsPerOrder < 1)
        {
            problems.Add(Invariant($"{nameof(MaxLotsPerOrder)} must be at least 1 (was {MaxLotsPerOrder})."));
        }

        if (MaxOpenPositions < 0)
        {
            problems.Add(Invariant($"{nameof(MaxOpenPositions)} must not be negative (was {MaxOpenPositions})."));
        }

        if (MaxOpenPositionsHighConfidence < MaxOpenPositions)
        {
            problems.Add(Invariant($"{nameof(MaxOpenPositionsHighConfidence)} ({MaxOpenPositionsHighConfidence}) must be at least {nameof(MaxOpenPositions)} ({MaxOpenPositions})."));
        }

        if (HighConfidenceThreshold < MinConfidence)
        {
            problems.Add(Invariant($"{nameof(HighConfidenceThreshold)} ({HighConfidenceThreshold}) must be at least {nameof(MinConfidence)} ({MinConfidence})."));
        }

        if (MaxNetDelta is { } delta && !(delta >= 0 && double.IsFinite(delta)))
        {
            problems.Add(Invariant($"{nameof(MaxNetDelta)} must be a finite non-negative number (was {delta})."));
        }

        if (SessionDrawdownStop is { } stop && !(stop > 0 && double.IsFinite(stop)))
        {
            problems.Add(Invariant($"{nameof(SessionDrawdownStop)} must be a finite positive amount of loss (was {stop})."));
        }

        RequireNonNegative(problems, nameof(CooldownWithPositions), CooldownWithPositions);
        RequireNonNegative(problems, nameof(SignalCooldown), SignalCooldown);
        if (MaxOrdersPerSecond is < 1 or > MaxOrdersPerSecondLimit)
        {
            problems.Add(Invariant($"{nameof(MaxOrdersPerSecond)} must be from 1 to {MaxOrdersPerSecondLimit} (was {MaxOrdersPerSecond})."));
        }

        if (ReservationTimeout <= TimeSpan.Zero)
        {
            problems.Add(Invariant($"{nameof(ReservationTimeout)} must be positive (was {ReservationTimeout.TotalSeconds} s)."));
        }

        if (MaxOpenPositionsTotal is < 0 or > MaxOpenPositionsTotalLimit)
        {
            problems.Add(Invariant($"{nameof(MaxOpenPositionsTotal)} must be from 0 to {MaxOpenPositionsTotalLimit} (was {MaxOpenPositionsTotal})."));
        }

        ParseExchanges(Exchanges, problems);

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> reports any problem, listing all of them.</summary>
    /// <exception cref="ArgumentException">The settings are not usable.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid risk settings:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    /// <summary>Splits the declared list at commas and applies the name rule to each; problems (when asked for) name every bad entry and duplicate.</summary>
    private static List<ExchangeName> ParseExchanges(string? list, List<string>? problems)
    {
        var names = new List<ExchangeName>();
        if (list is null)
        {
            return names;
        }

        var entries = list.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            if (!ExchangeName.TryParse(entries[i], out var name, out var problem))
            {
                problems?.Add(Invariant($"{nameof(Exchanges)} entry {i + 1} of {entries.Length}: {problem}"));
            }
            else if (names.Contains(name))
            {
                problems?.Add(Invariant($"{nameof(Exchanges)} names {name} more than once (entry {i + 1}: \"{ExchangeName.Escape(entries[i])}\")."));
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void RequireFraction(List<string> problems, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            problems.Add(Invariant($"{name} must be between 0 and 1 (was {value})."));
        }
    }

    private static void RequireNonNegative(List<string> problems, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Add(Invariant($"{name} must not be negative (was {value.TotalSeconds} s)."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
