using System;

namespace RiskSdk.Monitoring;

/// <summary>The kill switch's position with why it is there, who put it there and when.</summary>
/// <param name="State">The position: only <see cref="TradingState.Active"/> lets an order open exposure.</param>
/// <param name="Reason">Why the switch is in this position, as given by whoever moved it.</param>
/// <param name="ChangedBy">Who moved it: an operator's name, <c>settings</c> at start-up, or the shared ledger's origin.</param>
/// <param name="ChangedAt">When it moved, on the context's clock.</param>
public sealed record TradingStatus(TradingState State, string Reason, string ChangedBy, DateTimeOffset ChangedAt);
