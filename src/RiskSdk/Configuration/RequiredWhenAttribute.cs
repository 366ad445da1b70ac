using System;

namespace RiskSdk.Configuration;

/// <summary>
/// A cross-field rule: the variable must be set when another setting of the same class has the given value, for
/// example a connection string that is required only when the Redis ledger is selected.
/// </summary>
/// <example><c>[RequiredWhen(nameof(Ledger), RiskLedgerKind.Redis)] public string? LedgerConnection { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class RequiredWhenAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="otherProperty">The name of the property to look at; use <c>nameof</c>.</param>
    /// <param name="value">The value of that property that makes this variable required (a constant: enum member, bool, number or string).</param>
    public RequiredWhenAttribute(string otherProperty, object value)
    {
        OtherProperty = otherProperty;
        Value = value;
    }

    /// <summary>The name of the property to look at.</summary>
    public string OtherProperty { get; }

    /// <summary>The value of <see cref="OtherProperty"/> that makes this variable required.</summary>
    public object Value { get; }
}
