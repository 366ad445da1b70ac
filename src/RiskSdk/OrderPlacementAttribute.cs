using System;

namespace RiskSdk;

/// <summary>
/// Marks a method that places an order with a broker or exchange. Every call to it must be guarded by a
/// passed position-limit check (a method marked <see cref="PositionLimitCheckAttribute"/>); the RiskSdk
/// analyzer reports an unguarded call as RISK001.
/// </summary>
/// <remarks>
/// The body of a method carrying this attribute is not analysed: the obligation to check moves to its
/// callers. This is how a thin wrapper around a broker API is declared. Third-party methods that cannot
/// carry the attribute are listed in an additional file named <c>RiskSdk.OrderPlacement.txt</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class OrderPlacementAttribute : Attribute
{
    /// <summary>
    /// True for a method that only closes exposure (a square-off): its calls need no position-limit check. The
    /// analyzer trusts this declaration; the runtime does not: an exit must name the open position it reduces, and
    /// the position book refuses one that reduces nothing, so send exits through the pipeline as exit intents.
    /// </summary>
    public bool ReducesExposure { get; set; }

    /// <summary>
    /// The argument that makes a call an exit, for a method that places both entries and exits: a bool parameter's
    /// name (<c>"reduceOnly"</c>: an exit when the argument is the constant <c>true</c>) or <c>"parameter=value"</c>
    /// (<c>"side=Sell"</c>: an enum member, string or number constant). A call whose argument is not that constant
    /// is an entry and needs a check.
    /// </summary>
    public string? ExitWhen { get; set; }
}
