namespace RiskSdk.Generators.Pipeline;

/// <summary>What a gate does in the pipeline besides its check.</summary>
internal enum GateRole
{
    /// <summary>A pure check: it runs in order and its first rejection wins.</summary>
    Check,

    /// <summary>The built-in cooldown gate: also stamped atomically at admission.</summary>
    Cooldown,

    /// <summary>The built-in order-rate gate: also counted atomically at admission.</summary>
    OrderRate,

    /// <summary>The built-in position-limit gate: it admits last, taking the slot.</summary>
    PositionLimit,
}
