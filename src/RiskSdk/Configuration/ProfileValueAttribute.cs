using System;

namespace RiskSdk.Configuration;

/// <summary>
/// The value a setting takes under a ready-made <see cref="RiskProfile"/> when its own variable is not set. A profile
/// a setting names no value for leaves the default. Numbers are in the setting's unit: seconds for durations.
/// </summary>
/// <example><c>[ProfileValue(RiskProfile.Conservative, 1), ProfileValue(RiskProfile.Aggressive, 3)] public int MaxOpenPositions { get; init; } = 2;</c></example>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class ProfileValueAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="value">The setting's value under <paramref name="profile"/> (seconds for a duration).</param>
    public ProfileValueAttribute(RiskProfile profile, double value)
    {
        Profile = profile;
        Value = value;
    }

    /// <summary>The profile.</summary>
    public RiskProfile Profile { get; }

    /// <summary>The setting's value under <see cref="Profile"/> (seconds for a duration).</summary>
    public double Value { get; }
}
