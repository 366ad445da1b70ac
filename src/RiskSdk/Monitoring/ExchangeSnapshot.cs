using System;
using System.Collections.Generic;

namespace RiskSdk.Monitoring;

/// <summary>One exchange at one moment. Counts the ledger did not give are null (unknown), never zero.</summary>
/// <param name="Exchange">The exchange.</param>
/// <param name="Declared">True when the settings declare it; false when it was only seen in the book or in a decision.</param>
/// <param name="LedgerAnswered">False when the position book did not answer for this exchange: the counts and ids are then null.</param>
/// <param name="Open">Open positions; null when unknown.</param>
/// <param name="Pending">Reservations held by orders in flight; null when unknown.</param>
/// <param name="OpenPositionIds">The open positions' ids, sorted; null when unknown.</param>
/// <param name="PendingReservationIds">The pending reservations' ids, ascending; null when unknown or when the book cannot list them.</param>
/// <param name="CooldownRemaining">Time until the next entry may open a position; zero when no cooldown runs.</param>
/// <param name="OrdersLastSecond">Orders counted against the rate limit in the last second.</param>
/// <param name="OrderRateHeadroom">Orders that may still be sent in the current second.</param>
public sealed record ExchangeSnapshot(
    string Exchange,
    bool Declared,
    bool LedgerAnswered,
    int? Open,
    int? Pending,
    IReadOnlyList<string>? OpenPositionIds,
    IReadOnlyList<long>? PendingReservationIds,
    TimeSpan CooldownRemaining,
    int OrdersLastSecond,
    int OrderRateHeadroom)
{
    /// <summary>Open plus pending: what counts against the cap; null when unknown.</summary>
    public int? Held => Open + Pending;
}
