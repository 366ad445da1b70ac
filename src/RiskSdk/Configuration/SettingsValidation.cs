using System;
using RiskSdk.Generated;

namespace RiskSdk.Configuration;

/// <summary>
/// Passed to a settings class's own <c>partial void Validate(SettingsValidation validation)</c> method: what it reports
/// joins the same problem list as every parsing and range problem, naming the property's full variable and value.
/// A property that already has a problem is not reported twice.
/// </summary>
public sealed class SettingsValidation
{
    private readonly SettingsReader _reader;

    internal SettingsValidation(SettingsReader reader) => _reader = reader;

    /// <summary>Reports an error: the settings will not be used.</summary>
    /// <param name="propertyName">The property whose value is wrong; use <c>nameof</c>.</param>
    /// <param name="expected">What a valid value looks like, for example <c>a value below the exchange's limit</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="propertyName"/> is not a bound property.</exception>
    public void Error(string propertyName, string expected) => _reader.ReportCustom(propertyName, expected, ProblemSeverity.Error);

    /// <summary>Reports a warning: the settings are still used.</summary>
    /// <param name="propertyName">The property whose value is questionable; use <c>nameof</c>.</param>
    /// <param name="expected">What a better value looks like.</param>
    /// <exception cref="ArgumentException"><paramref name="propertyName"/> is not a bound property.</exception>
    public void Warning(string propertyName, string expected) => _reader.ReportCustom(propertyName, expected, ProblemSeverity.Warning);
}
