using System;
using RiskSdk.Gates;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>A pipeline whose reserving gate is admitted through <see cref="IReservingGate.Admit"/>, which throws.</summary>
[GatePipeline(typeof(KillSwitchGate), typeof(ThrowingReservingGate))]
public sealed partial class ThrowingReservingPipeline;

/// <summary>A reserving gate (not staged) whose admission throws, as one backed by an unreachable ledger would.</summary>
public sealed class ThrowingReservingGate : IReservingGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "ThrowingReserving";

    /// <inheritdoc/>
    public string Name => GateName;

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(GateName);

    /// <inheritdoc/>
    public RiskDecision Admit(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting) =>
        throw new InvalidOperationException("ledger unreachable");
}
