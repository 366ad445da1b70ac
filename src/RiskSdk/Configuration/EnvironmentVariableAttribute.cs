using System;

namespace RiskSdk.Configuration;

/// <summary>
/// Names the environment variable a property of an <see cref="EnvironmentSettingsAttribute"/> class is read from,
/// without the class's prefix. Without this attribute the name is the property name in UPPER_SNAKE_CASE
/// (<c>MaxOpenPositions</c> reads <c>MAX_OPEN_POSITIONS</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class EnvironmentVariableAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The variable name after the prefix: A-Z, 0-9 and _ only.</param>
    public EnvironmentVariableAttribute(string name) => Name = name;

    /// <summary>The variable name after the prefix.</summary>
    public string Name { get; }
}
