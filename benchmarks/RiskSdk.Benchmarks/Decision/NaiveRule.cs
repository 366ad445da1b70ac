using System;

namespace RiskSdk.Benchmarks.Decision;

/// <summary>One rule of the naive risk manager: a name, a predicate and a sentence explaining a failure.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Allows">True when the trade passes the rule.</param>
/// <param name="Explain">Why the trade failed the rule, as a sentence.</param>
public sealed record NaiveRule(string Name, Func<TradeIntent, bool> Allows, Func<TradeIntent, string> Explain);
