using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using RiskSdk.Configuration;

namespace RiskSdk.Benchmarks.Configuration;

/// <summary>
/// The peer: the same auto-execution settings as an options class for Microsoft.Extensions.Configuration.Binder,
/// with the same variable names (<see cref="ConfigurationKeyNameAttribute"/>, after the environment provider strips
/// the <c>OI_TRACKER_</c> prefix), defaults and ranges as DataAnnotations, and the cross-field rules in
/// <see cref="IValidatableObject"/>. Durations are whole seconds, as the variables give them. It has no risk-profile
/// fallback (the generated class fills unset caps from the profile).
/// </summary>
public sealed class AutoExecOptions : IValidatableObject
{
    /// <summary>The ready-made risk profile.</summary>
    [ConfigurationKeyName("RISK_PROFILE")]
    public RiskProfile? RiskProfile { get; set; }

    /// <summary>The kill switch.</summary>
    [ConfigurationKeyName("AUTO_EXEC_ENABLED")]
    public bool AutoExecEnabled { get; set; } = true;

    /// <summary>Paper trading.</summary>
    [ConfigurationKeyName("AUTO_EXEC_PAPER_MODE")]
    public bool PaperMode { get; set; }

    /// <summary>The lowest confidence that may open a position.</summary>
    [ConfigurationKeyName("AUTO_EXEC_MIN_CONFIDENCE")]
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.7;

    /// <summary>The lowest Kelly fraction that may open a position.</summary>
    [ConfigurationKeyName("AUTO_EXEC_MIN_KELLY_FRACTION")]
    [Range(0.0, 1.0)]
    public double MinKellyFraction { get; set; } = 0.15;

    /// <summary>The most lots per order.</summary>
    [ConfigurationKeyName("AUTO_EXEC_MAX_POSITION_SIZE_LOTS")]
    [Range(1, 10000)]
    public int MaxLotsPerOrder { get; set; } = 4;

    /// <summary>The net-delta cap; null turns it off.</summary>
    [ConfigurationKeyName("AUTO_EXEC_MAX_NET_DELTA")]
    [Range(0.0, double.MaxValue)]
    public double? MaxNetDelta { get; set; }

    /// <summary>The session drawdown stop; null turns it off.</summary>
    [ConfigurationKeyName("AUTO_EXEC_SESSION_DRAWDOWN_STOP")]
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double? SessionDrawdownStop { get; set; }

    /// <summary>The normal-confidence cap.</summary>
    [ConfigurationKeyName("AUTO_EXEC_MAX_OPEN_POSITIONS")]
    [Range(0, 1000)]
    public int MaxOpenPositions { get; set; } = 2;

    /// <summary>The high-confidence cap.</summary>
    [ConfigurationKeyName("AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF")]
    [Range(0, 1000)]
    public int MaxOpenPositionsHighConfidence { get; set; } = 3;

    /// <summary>The confidence from which the high-confidence cap applies.</summary>
    [ConfigurationKeyName("AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD")]
    [Range(0.0, 1.0)]
    public double HighConfidenceThreshold { get; set; } = 0.95;

    /// <summary>The cooldown while positions are held, in seconds.</summary>
    [ConfigurationKeyName("AUTO_EXEC_COOLDOWN_WITH_POSITIONS")]
    [Range(0.0, 86400.0)]
    public double CooldownWithPositionsSeconds { get; set; } = 300;

    /// <summary>The cooldown while flat, in seconds.</summary>
    [ConfigurationKeyName("ML_SIGNAL_COOLDOWN_SECONDS")]
    [Range(0.0, 86400.0)]
    public double SignalCooldownSeconds { get; set; } = 30;

    /// <summary>The cap scale in a high-volatility regime.</summary>
    [ConfigurationKeyName("AUTO_EXEC_HIGH_VOLATILITY_SCALE")]
    [Range(0.0, 1.0)]
    public double HighVolatilityScale { get; set; } = 0.5;

    /// <summary>The most orders per exchange per second.</summary>
    [ConfigurationKeyName("AUTO_EXEC_MAX_ORDERS_PER_SECOND")]
    [Range(1, 10000)]
    public int MaxOrdersPerSecond { get; set; } = 10;

    /// <summary>The reservation timeout, in seconds.</summary>
    [ConfigurationKeyName("AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS")]
    [Range(0.0, 3600.0, MinimumIsExclusive = true)]
    public double ReservationTimeoutSeconds { get; set; } = 30;

    /// <summary>Where open positions are counted.</summary>
    [ConfigurationKeyName("RISK_LEDGER")]
    public RiskLedgerKind Ledger { get; set; } = RiskLedgerKind.Memory;

    /// <summary>The Redis connection string, required with the Redis ledger.</summary>
    [ConfigurationKeyName("RISK_LEDGER_CONNECTION")]
    public string? LedgerConnection { get; set; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxOpenPositionsHighConfidence < MaxOpenPositions)
        {
            yield return new ValidationResult("The high-confidence cap must be at least the normal cap.", [nameof(MaxOpenPositionsHighConfidence)]);
        }

        if (HighConfidenceThreshold < MinConfidence)
        {
            yield return new ValidationResult("The high-confidence threshold must be at least the minimum confidence.", [nameof(HighConfidenceThreshold)]);
        }

        if (Ledger == RiskLedgerKind.Redis && string.IsNullOrEmpty(LedgerConnection))
        {
            yield return new ValidationResult("The Redis ledger needs a connection string.", [nameof(LedgerConnection)]);
        }
    }
}
