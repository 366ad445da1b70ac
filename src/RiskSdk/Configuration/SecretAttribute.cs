using System;

namespace RiskSdk.Configuration;

/// <summary>
/// Marks a setting whose value must never be shown: problems, value listings and "did you mean" warnings print
/// <c>***</c> in its place.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SecretAttribute : Attribute
{
}
