using System;
using RiskSdk.Configuration;

namespace RiskSdk;

/// <summary>
/// Marks a <c>partial</c> class or record whose settable properties are bound from environment variables by the
/// RiskSdk configuration generator. Every variable is named <see cref="Prefix"/> followed by the property's variable
/// name (see <see cref="EnvironmentVariableAttribute"/>). The generator adds <c>Bind</c> methods that return either the
/// settings or every problem found, a <c>Variables</c> description of each variable, and the source of each value.
/// </summary>
/// <example>
/// <code>
/// [EnvironmentSettings("OI_TRACKER_")]
/// public partial class TrackerSettings
/// {
///     /// &lt;summary&gt;The open-position cap per exchange.&lt;/summary&gt;
///     [EnvironmentVariable("AUTO_EXEC_MAX_OPEN_POSITIONS"), Range(0, 1000)]
///     public int MaxOpenPositions { get; init; } = 2;
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class EnvironmentSettingsAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="prefix">The text every variable of the class starts with, for example <c>OI_TRACKER_</c>: A-Z, 0-9 and _ only.</param>
    public EnvironmentSettingsAttribute(string prefix) => Prefix = prefix;

    /// <summary>The text every variable of the class starts with.</summary>
    public string Prefix { get; }
}
