using System;

namespace RiskSdk;

/// <summary>
/// Marks a method whose result says whether a new position is allowed: a <see cref="bool"/> (also awaited),
/// a result with a <c>bool IsApproved</c> member such as <see cref="RiskDecision"/>, or a <c>TryX(..., out ...)</c>
/// method. A method of any other return type is treated as assert-style: it throws when the position is not allowed.
/// </summary>
/// <remarks>
/// The RiskSdk analyzer accepts a call to an <see cref="OrderPlacementAttribute"/> method only on control-flow
/// paths that pass through the approved outcome of such a check. Third-party methods that cannot carry the
/// attribute are listed in an additional file named <c>RiskSdk.PositionChecks.txt</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class PositionLimitCheckAttribute : Attribute
{
}
