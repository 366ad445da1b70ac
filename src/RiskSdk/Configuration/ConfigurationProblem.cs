namespace RiskSdk.Configuration;

/// <summary>
/// One thing wrong with a configuration: the full variable name, the offending value (masked for secrets), what
/// was expected, and a sentence that says all of it.
/// </summary>
/// <param name="Severity">Whether the settings are still usable.</param>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Variable">The full variable name, prefix included.</param>
/// <param name="Value">The value as set, masked for a secret; null when the variable is not set.</param>
/// <param name="Expected">What a valid value looks like, for example <c>an integer from 0 to 1000</c>.</param>
/// <param name="Message">The whole problem as one sentence.</param>
public sealed record ConfigurationProblem(
    ProblemSeverity Severity,
    ProblemKind Kind,
    string Variable,
    string? Value,
    string Expected,
    string Message)
{
    /// <inheritdoc/>
    public override string ToString() => (Severity == ProblemSeverity.Error ? "error: " : "warning: ") + Message;
}
