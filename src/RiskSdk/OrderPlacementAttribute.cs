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
}
