using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using RiskSdk.Configuration;

namespace RiskSdk;

/// <summary>
/// The limits every gate reads, and the one description of each standard setting: its variable name, default, allowed
/// range, cross-field rule, profile values and description are declared here, with the attributes an app puts on its
/// own settings. The configuration generator copies them into a class marked <see cref="AutoExecSettingsAttribute"/>,
/// <see cref="Validate"/> checks them wherever the values came from, and docs/configuration.md is written from them.
/// Immutable; the defaults are the moderate profile of the plan RiskSdk grew from. Build it from the environment with
/// a generated configuration class, from a profile with <see cref="ForProfile(RiskProfile)"/>, or by hand with an
/// object initializer.
/// </summary>
public sealed record RiskSettings
{
    /// <summary>The largest <see cref="MaxOrdersPerSecond"/> accepted (the limiter's memory and time per order do not grow with it: see <see cref="Gates.OrderRateLimiter"/>).</summary>
    public const int MaxOrdersPerSecondLimit = 100_000;

    /// <summary>The longest either cooldown may be, in seconds (a day): a trade older than this is past every window any settings can set.</summary>
    public const int MaxCooldownSeconds = 86_400;

    /// <summary>The ready-made risk profile (conservative, moderate or aggressive) whose values apply where their own variables are not set; unset keeps the defaults (the moderate values).</summary>
    [EnvironmentVariable("RISK_PROFILE")]
    [Description("The ready-made risk profile (conservative, moderate or aggressive) whose values apply where their own variables are not set; unset keeps the defaults (the moderate values).")]
    public RiskProfile? RiskProfile { get; init; }

    /// <summary>The kill switch: false starts with trading halted (orders that reduce a position still pass).</summary>
    [EnvironmentVariable("AUTO_EXEC_ENABLED")]
    [Description("The kill switch: false starts with trading halted (orders that reduce a position still pass).")]
    public bool AutoExecEnabled { get; init; } = true;

    /// <summary>True sends orders to a paper broker, and is the default: a fresh install never trades live until told to. The gates behave the same.</summary>
    [EnvironmentVariable("AUTO_EXEC_PAPER_MODE")]
    [Description("True sends orders to a paper broker, and is the default: a fresh install never trades live until told to. The gates behave the same.")]
    public bool PaperMode { get; init; } = true;

    /// <summary>The exchanges the app trades, separated by commas (NSE,BSE); an order on any other exchange is refused, and status shows each from the start. Unset accepts any valid name.</summary>
    /// <remarks>Each entry follows the <see cref="ExchangeName"/> rule; the refusal is <see cref="RejectionReason.UnknownExchange"/>.</remarks>
    [EnvironmentVariable("AUTO_EXEC_EXCHANGES")]
    [Description("The exchanges the app trades, separated by commas (NSE,BSE); an order on any other exchange is refused, and status shows each from the start. Unset accepts any valid name.")]
    public string? Exchanges { get; init; }

    /// <summary>The lowest signal confidence that may open a position.</summary>
    [EnvironmentVariable("AUTO_EXEC_MIN_CONFIDENCE"), Range(0.0, 1.0)]
    [Description("The lowest signal confidence that may open a position.")]
    public double MinConfidence { get; init; } = 0.70;

    /// <summary>The lowest Kelly fraction that may open a position.</summary>
    [EnvironmentVariable("AUTO_EXEC_MIN_KELLY_FRACTION"), Range(0.0, 1.0)]
    [Description("The lowest Kelly fraction that may open a position.")]
    public double MinKellyFraction { get; init; } = 0.15;

    /// <summary>The most lots a single order may carry.</summary>
    [EnvironmentVariable("AUTO_EXEC_MAX_POSITION_SIZE_LOTS"), Range(1, 10_000)]
    [Description("The most lots a single order may carry.")]
    public int MaxLotsPerOrder { get; init; } = 4;

    /// <summary>The largest allowed absolute portfolio net delta after an order; unset turns the check off.</summary>
    [EnvironmentVariable("AUTO_EXEC_MAX_NET_DELTA"), Range(0.0, double.MaxValue)]
    [Description("The largest allowed absolute portfolio net delta after an order; unset turns the check off.")]
    public double? MaxNetDelta { get; init; }

    /// <summary>The session loss (a positive amount) at which new positions stop until the session is reset; unset turns the check off.</summary>
    [EnvironmentVariable("AUTO_EXEC_SESSION_DRAWDOWN_STOP"), Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    [Description("The session loss (a positive amount) at which new positions stop until the session is reset; unset turns the check off.")]
    public double? SessionDrawdownStop { get; init; }

    /// <summary>The open-position cap per exchange at normal confidence.</summary>
    [EnvironmentVariable("AUTO_EXEC_MAX_OPEN_POSITIONS"), Range(0, 1000)]
    [ProfileValue(RiskSdk.RiskProfile.Conservative, 1), ProfileValue(RiskSdk.RiskProfile.Aggressive, 3)]
    [Description("The open-position cap per exchange at normal confidence.")]
    public int MaxOpenPositions { get; init; } = 2;

    /// <summary>The open-position cap per exchange for signals at or above the high-confidence threshold, and the hard ceiling in every case; at least the normal cap.</summary>
    [EnvironmentVariable("AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF"), Range(0, 1000), AtLeast(nameof(MaxOpenPositions))]
    [ProfileValue(RiskSdk.RiskProfile.Conservative, 2), ProfileValue(RiskSdk.RiskProfile.Aggressive, 5)]
    [Description("The open-position cap per exchange for signals at or above the high-confidence threshold, and the hard ceiling in every case; at least the normal cap.")]
    public int MaxOpenPositionsHighConfidence { get; init; } = 3;

    /// <summary>The most open plus pending positions across every exchange together, checked atomically with the per-exchange cap; unset turns it off.</summary>
    /// <remarks>Not scaled by regime or confidence; the refusal is <see cref="RejectionReason.TotalPositionLimitReached"/>.</remarks>
    [EnvironmentVariable("AUTO_EXEC_MAX_OPEN_POSITIONS_TOTAL"), Range(0, 100_000)]
    [Description("The most open plus pending positions across every exchange together, checked atomically with the per-exchange cap; unset turns it off.")]
    public int? MaxOpenPositionsTotal { get; init; }

    /// <summary>The confidence from which the high-confidence cap applies; at least the minimum confidence.</summary>
    [EnvironmentVariable("AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD"), Range(0.0, 1.0), AtLeast(nameof(MinConfidence))]
    [ProfileValue(RiskSdk.RiskProfile.Conservative, 0.95), ProfileValue(RiskSdk.RiskProfile.Aggressive, 0.90)]
    [Description("The confidence from which the high-confidence cap applies; at least the minimum confidence.")]
    public double HighConfidenceThreshold { get; init; } = 0.95;

    /// <summary>Seconds since the last trade that must pass while the exchange has open or pending positions.</summary>
    [EnvironmentVariable("AUTO_EXEC_COOLDOWN_WITH_POSITIONS"), Range(0, MaxCooldownSeconds)]
    [ProfileValue(RiskSdk.RiskProfile.Conservative, 600), ProfileValue(RiskSdk.RiskProfile.Aggressive, 180)]
    [Description("Seconds since the last trade that must pass while the exchange has open or pending positions.")]
    public TimeSpan CooldownWithPositions { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Seconds since the last trade that must pass while the exchange is flat.</summary>
    [EnvironmentVariable("ML_SIGNAL_COOLDOWN_SECONDS"), Range(0, MaxCooldownSeconds)]
    [ProfileValue(RiskSdk.RiskProfile.Conservative, 60)]
    [Description("Seconds since the last trade that must pass while the exchange is flat.")]
    public TimeSpan SignalCooldown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The factor both open-position caps are multiplied by in a high-volatility regime, rounding down.</summary>
    [EnvironmentVariable("AUTO_EXEC_HIGH_VOLATILITY_SCALE"), Range(0.0, 1.0)]
    [Description("The factor both open-position caps are multiplied by in a high-volatility regime, rounding down.")]
    public double HighVolatilityScale { get; init; } = 0.5;

    /// <summary>The most orders per exchange in any one-second window (the exchange's algo threshold).</summary>
    [EnvironmentVariable("AUTO_EXEC_MAX_ORDERS_PER_SECOND"), Range(1, MaxOrdersPerSecondLimit)]
    [Description("The most orders per exchange in any one-second window (the exchange's algo threshold).")]
    public int MaxOrdersPerSecond { get; init; } = 10;

    /// <summary>Seconds a position-slot reservation may stay neither committed nor released before its slot is given back.</summary>
    [EnvironmentVariable("AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS"), Range(0, 3600, MinimumIsExclusive = true)]
    [Description("Seconds a position-slot reservation may stay neither committed nor released before its slot is given back.")]
    public TimeSpan ReservationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where open positions are counted: memory (this process) or redis (shared by every process using the same Redis).</summary>
    [EnvironmentVariable("RISK_LEDGER")]
    [Description("Where open positions are counted: memory (this process) or redis (shared by every process using the same Redis).")]
    public RiskLedgerKind Ledger { get; init; } = RiskLedgerKind.Memory;

    /// <summary>The Redis connection string of the shared position ledger.</summary>
    [EnvironmentVariable("RISK_LEDGER_CONNECTION"), Secret, RequiredWhen(nameof(Ledger), RiskLedgerKind.Redis)]
    [Description("The Redis connection string of the shared position ledger.")]
    public string? LedgerConnection { get; init; }

    /// <summary>The exchanges <see cref="Exchanges"/> declares, canonical and in the order given; empty when none are declared. Entries <see cref="Validate"/> reports as invalid are left out (a context refuses such settings).</summary>
    public IReadOnlyList<ExchangeName> DeclaredExchanges => ParseExchanges(Exchanges, problems: null);

    /// <summary>Returns the settings of one of the three ready-made profiles, from each setting's <see cref="ProfileValueAttribute"/>.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The profile's settings, with <see cref="RiskProfile"/> set; everything the profile does not name keeps its default.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="profile"/> is not a defined profile.</exception>
    public static RiskSettings ForProfile(RiskProfile profile) => RiskSettingsDescription.ForProfile(profile);

    /// <summary>
    /// Lists every problem with these settings (not just the first), checked against the same description the
    /// configuration generator reads: ranges, cross-field rules and conditional requirements. An empty list means
    /// they are usable.
    /// </summary>
    /// <returns>One problem per wrong setting, naming the property and its variable.</returns>
    public IReadOnlyList<RiskSettingsProblem> Validate()
    {
        var problems = RiskSettingsDescription.Validate(this);
        var listed = new List<string>();
        ParseExchanges(Exchanges, listed);
        if (listed.Count == 0)
        {
            return problems;
        }

        var all = new List<RiskSettingsProblem>(problems);
        all.Add(RiskSettingsDescription.Problem(nameof(Exchanges), Exchanges, ProblemKind.Malformed, "is not a list of exchange names: " + string.Join("; ", listed)));
        return all;
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

    /// <summary>Characters that separate list items elsewhere, and never belong in an exchange's name in this list.</summary>
    private static readonly char[] OtherSeparators = [';', '|'];

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
            if (entries[i].IndexOfAny(OtherSeparators) is var at and >= 0)
            {
                // "NSE;BSE" is a valid name of one exchange, so every order on NSE or BSE would be refused.
                problems?.Add($"entry {i + 1} of {entries.Length}: \"{entries[i].Trim()}\" contains '{entries[i][at]}'; separate exchanges with commas");
            }
            else if (!ExchangeName.TryParse(entries[i], out var name, out var problem))
            {
                problems?.Add($"entry {i + 1} of {entries.Length}: {problem}");
            }
            else if (names.Contains(name))
            {
                problems?.Add($"entry {i + 1} names {name} again");
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Prints every setting in the invariant culture; a secret prints as <c>***</c>.</summary>
    private bool PrintMembers(StringBuilder builder) => RiskSettingsDescription.Print(this, builder);
}
