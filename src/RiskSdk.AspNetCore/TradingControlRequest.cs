namespace RiskSdk.AspNetCore;

/// <summary>The body of a control call: why the operator moves the switch.</summary>
/// <param name="Reason">Why; required, at most <see cref="MaxReasonLength"/> characters of plain text on one line (no control or invisible formatting character).</param>
public sealed record TradingControlRequest(string? Reason)
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 500;
}
