using System;

namespace RiskSdk.Configuration;

/// <summary>
/// A cross-field rule: the setting must be less than or equal to another setting of the same class (both must be
/// of the same comparable type). Checked after both are read; a violation is reported with every other problem.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class AtMostAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="otherProperty">The name of the other property; use <c>nameof</c>.</param>
    public AtMostAttribute(string otherProperty) => OtherProperty = otherProperty;

    /// <summary>The name of the property this setting must not exceed.</summary>
    public string OtherProperty { get; }
}
