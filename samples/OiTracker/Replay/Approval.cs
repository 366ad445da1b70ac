using System;
using RiskSdk;

namespace OiTracker.Replay;

/// <summary>One approved entry, as the executor saw it: the evidence the tests check caps and cooldowns against.</summary>
/// <param name="Time">When it was approved.</param>
/// <param name="Exchange">The exchange.</param>
/// <param name="SignalId">The signal.</param>
/// <param name="IsHighConfidence">True when the high-confidence cap applied.</param>
/// <param name="Regime">The signal's regime.</param>
/// <param name="HeldBefore">Open plus in-flight positions the executor counted before the decision.</param>
/// <param name="HeldAfter">Open plus in-flight positions the executor counted after it.</param>
/// <param name="CapAllowed">The cap in force; <see cref="int.MaxValue"/> when nothing capped it.</param>
/// <param name="OpenAfter">Positions open or in flight at the broker right after the order was sent (the truth, whatever the executor believes).</param>
internal sealed record Approval(
    DateTimeOffset Time,
    string Exchange,
    string SignalId,
    bool IsHighConfidence,
    MarketRegime Regime,
    int HeldBefore,
    int HeldAfter,
    int CapAllowed,
    int OpenAfter);
