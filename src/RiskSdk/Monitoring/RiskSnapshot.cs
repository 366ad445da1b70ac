using System;
using System.Collections.Generic;

namespace RiskSdk.Monitoring;

/// <summary>
/// Everything an operator needs at one moment: every exchange against its caps, the account, the kill switch with
/// its cause, the drawdown, whether the ledger answered, and the latest decisions. Take one with
/// <see cref="RiskMonitor.GetSnapshot"/>; serialise it with <see cref="RiskJsonContext"/>.
/// </summary>
/// <param name="Context">The context's name (the account), as in the metrics' <c>risksdk.context</c> attribute.</param>
/// <param name="TakenAt">When the snapshot was taken, on the context's clock.</param>
/// <param name="Trading">The kill switch with its reason, author and time.</param>
/// <param name="TradingStateKnown">
/// False while the kill switch is shared through the ledger and its shared state is not confirmed
/// (<see cref="RiskContext.TradingStateKnown"/>): whatever <paramref name="Trading"/> says, every entry is refused
/// (<see cref="RejectionReason.LedgerUnavailable"/>) until it is.
/// </param>
/// <param name="LedgerAnswered">False when the position book did not answer for the account or any exchange: unknown counts are null.</param>
/// <param name="Caps">The caps per exchange, configured and in force.</param>
/// <param name="OrderRateLimit">The most orders per exchange in any one second.</param>
/// <param name="Account">The account-wide figures.</param>
/// <param name="Drawdown">The session drawdown against its stop.</param>
/// <param name="Exchanges">Every declared exchange, then every other exchange seen, in that order.</param>
/// <param name="DecisionCount">Decisions made by the context so far.</param>
/// <param name="RecentDecisions">The latest decisions, newest first.</param>
public sealed record RiskSnapshot(
    string Context,
    DateTimeOffset TakenAt,
    TradingStatus Trading,
    bool TradingStateKnown,
    bool LedgerAnswered,
    CapSnapshot Caps,
    int OrderRateLimit,
    AccountSnapshot Account,
    DrawdownSnapshot Drawdown,
    IReadOnlyList<ExchangeSnapshot> Exchanges,
    long DecisionCount,
    IReadOnlyList<DecisionRecord> RecentDecisions);
