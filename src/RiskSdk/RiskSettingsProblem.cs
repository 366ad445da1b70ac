using RiskSdk.Configuration;

namespace RiskSdk;

/// <summary>
/// One thing wrong with a <see cref="RiskSettings"/>, as data: which setting, its variable, the value, and what was
/// expected. A generated configuration class maps it to its full variable name without matching any text.
/// </summary>
/// <param name="Setting">The <see cref="RiskSettings"/> property, for example <c>MaxOrdersPerSecond</c>.</param>
/// <param name="VariableName">The variable name without a prefix, for example <c>AUTO_EXEC_MAX_ORDERS_PER_SECOND</c>.</param>
/// <param name="Value">The value in the invariant culture (seconds for durations, <c>***</c> for a secret); null when not set.</param>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Reason">What is wrong with the value, for example <c>is out of range</c>.</param>
/// <param name="Expected">What a valid value looks like, for example <c>an integer from 1 to 100000</c>.</param>
public sealed record RiskSettingsProblem(string Setting, string VariableName, string? Value, ProblemKind Kind, string Reason, string Expected)
{
    /// <summary>The whole problem as one sentence, naming the setting and its variable.</summary>
    public string Message => $"{Setting} ({VariableName}) = {Value ?? "(not set)"} {Reason}; expected {Expected}.";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
