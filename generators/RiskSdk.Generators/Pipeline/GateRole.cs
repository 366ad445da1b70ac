namespace RiskSdk.Generators.Pipeline;

/// <summary>Where a gate runs in the pipeline, from the runtime interfaces it implements.</summary>
internal enum GateRole
{
    /// <summary>A check: it runs in declared order and its first rejection wins.</summary>
    Check,

    /// <summary>The reserving gate (<c>RiskSdk.Gates.IReservingGate</c>): it admits last, taking the slot and running the admitting gates.</summary>
    Reserving,
}
