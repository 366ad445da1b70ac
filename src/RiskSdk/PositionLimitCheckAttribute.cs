using System;

namespace RiskSdk;

/// <summary>
/// Marks a method (or a property) whose result says whether a new position is allowed: a <see cref="bool"/> (also
/// awaited), a result with a <c>bool IsApproved</c> member such as <see cref="RiskDecision"/>, or a
/// <c>TryX(..., out ...)</c> method. A method returning nothing (or a plain task, or the value it checked) is
/// assert-style: it throws when the position is not allowed. Any other result needs <see cref="ApprovedWhen"/>.
/// </summary>
/// <remarks>
/// The RiskSdk analyzer accepts a call to an <see cref="OrderPlacementAttribute"/> method only on control-flow
/// paths that pass through the approved outcome of such a check. Third-party methods that cannot carry the
/// attribute are listed in an additional file named <c>RiskSdk.PositionChecks.txt</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class PositionLimitCheckAttribute : Attribute
{
    /// <summary>
    /// What approval looks like when the result is not a plain <c>bool</c> or a decision with <c>IsApproved</c>:
    /// <c>"false"</c> for an inverted check ("is blocked?"), the name of a bool member of the result
    /// (<c>"IsAllowed"</c>, a tuple element such as <c>"Allowed"</c>), <c>"!IsBlocked"</c> when that member being
    /// false approves, or <c>"&gt; 0"</c> for a count of free slots. The analyzer reports RISK006 when a check's
    /// approval cannot be determined.
    /// </summary>
    public string? ApprovedWhen { get; set; }
}
