using System;
using System.ComponentModel.DataAnnotations;
using RiskSdk.Configuration;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The SDK's ready auto-exec set under the seed's prefix, the way an app declares it.</summary>
[EnvironmentSettings("OI_TRACKER_")]
[AutoExecSettings]
public partial class TrackerSettings;

/// <summary>One property of every supported type, bound by the generator in this test assembly.</summary>
[EnvironmentSettings("TEST_")]
public partial class EveryTypeSettings
{
    /// <summary>A switch.</summary>
    public bool Flag { get; init; }

    /// <summary>A bounded count.</summary>
    [Range(0, 1000)]
    public int Count { get; init; } = 5;

    /// <summary>A large count.</summary>
    public long Big { get; init; } = 10;

    /// <summary>A fraction.</summary>
    [Range(0.0, 1.0)]
    public double Ratio { get; init; } = 0.5;

    /// <summary>A price.</summary>
    public decimal Price { get; init; } = 1.25m;

    /// <summary>A delay in seconds.</summary>
    [Range(0, 3600)]
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A profile.</summary>
    public RiskProfile Profile { get; init; } = RiskProfile.Moderate;

    /// <summary>A name.</summary>
    public string Name { get; init; } = "default";

    /// <summary>An optional count; unset means none.</summary>
    public int? OptionalCount { get; init; }

    /// <summary>An optional delay.</summary>
    public TimeSpan? OptionalDelay { get; init; }

    /// <summary>A token that is never shown.</summary>
    [Secret]
    [EnvironmentVariable("API_TOKEN")]
    public string? Token { get; init; }
}

/// <summary>Required settings, cross-field rules and a validation method of its own.</summary>
[EnvironmentSettings("RULES_")]
public partial class RuleSettings
{
    /// <summary>The broker account; must be set.</summary>
    [Required]
    public string Account { get; init; } = string.Empty;

    /// <summary>The lower limit.</summary>
    [Range(0, 100)]
    public int Low { get; init; } = 1;

    /// <summary>The upper limit; never below <see cref="Low"/>.</summary>
    [Range(0, 100)]
    [AtLeast(nameof(Low))]
    public int High { get; init; } = 2;

    /// <summary>The shortest wait.</summary>
    public TimeSpan ShortWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A wait never longer than... the long wait's partner.</summary>
    [AtMost(nameof(ShortWait))]
    public TimeSpan? ShorterWait { get; init; }

    /// <summary>Where orders go.</summary>
    public RiskLedgerKind Ledger { get; init; }

    /// <summary>The ledger password.</summary>
    [Secret]
    [RequiredWhen(nameof(Ledger), RiskLedgerKind.Redis)]
    public string? LedgerPassword { get; init; }

    partial void Validate(SettingsValidation validation)
    {
        if (Account == "demo" && High > 10)
        {
            validation.Error(nameof(High), "at most 10 for the demo account");
        }

        if (Account == "legacy")
        {
            validation.Warning(nameof(Account), "a current account name");
        }
    }
}

/// <summary>Defaults the generator cannot evaluate (a static field, a constructor), outside their ranges.</summary>
[EnvironmentSettings("UNCHECKED_")]
public partial class UncheckedDefaultSettings
{
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(300);

    /// <summary>Sets the cap outside its range.</summary>
    public UncheckedDefaultSettings() => Cap = 20;

    /// <summary>A wait.</summary>
    [Range(0, 60)]
    public TimeSpan Wait { get; init; } = LongWait;

    /// <summary>A cap.</summary>
    [Range(1, 10)]
    public int Cap { get; init; }

    /// <summary>An optional ratio, off by default.</summary>
    [Range(0.0, 1.0)]
    public double? Ratio { get; init; }

    /// <summary>A day that is no day of the week.</summary>
    public DayOfWeek Day { get; init; } = (DayOfWeek)42;
}
