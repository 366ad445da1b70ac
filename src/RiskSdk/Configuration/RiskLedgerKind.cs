namespace RiskSdk.Configuration;

/// <summary>Where open positions are counted: <c>RISK_LEDGER=memory|redis</c>.</summary>
public enum RiskLedgerKind
{
    /// <summary>In this process only (the default).</summary>
    Memory = 0,

    /// <summary>In Redis, shared by every process that uses the same connection and keys.</summary>
    Redis = 1,
}
