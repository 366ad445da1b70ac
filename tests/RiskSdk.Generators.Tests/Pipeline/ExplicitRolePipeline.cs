using System;
using RiskSdk.Gates;

namespace RiskSdk.Generators.Tests.Pipeline;

// Gates that implement their role interfaces explicitly: the generated pipeline reaches them through the interface.

/// <summary>A pipeline whose timed gates and reserving gate implement their role interfaces explicitly.</summary>
[GatePipeline(
    typeof(KillSwitchGate),
    typeof(ExplicitClockGate),
    typeof(EveryOtherOrderGate),
    typeof(CooldownGate),
    typeof(CountingReservingGate))]
public sealed partial class ExplicitRolePipeline;

/// <summary>A timed class gate with <see cref="ITimedGate.Check"/> implemented explicitly: refuses before the epoch.</summary>
public sealed class ExplicitClockGate(TimeProvider time) : ITimedGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "ExplicitClock";

    string IRiskGate.Name => GateName;

    /// <summary>The check without a decision's clock (for explanations).</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The verdict.</returns>
    public GateVerdict Check(in TradeIntent intent)
    {
        var clock = new DecisionClock(time);
        return ((ITimedGate)this).Check(in intent, ref clock);
    }

    GateVerdict ITimedGate.Check(in TradeIntent intent, ref DecisionClock clock) =>
        clock.GetTimestamp() >= 0 ? GateVerdict.Pass(GateName) : GateVerdict.Reject(GateName, RejectionReason.CustomGate, 0, 0);
}

/// <summary>
/// A timed struct gate with its timed check implemented explicitly and keeping state in the struct: it refuses every
/// second order. Boxed for the call, it would allocate and forget its count (passing every order).
/// </summary>
public struct EveryOtherOrderGate : ITimedGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "EveryOtherOrder";

    private int _orders;

    readonly string IRiskGate.Name => GateName;

    /// <summary>The check without a decision's clock (for explanations): passes, counting nothing.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The verdict.</returns>
    public readonly GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(GateName);

    GateVerdict ITimedGate.Check(in TradeIntent intent, ref DecisionClock clock) =>
        ++_orders % 2 == 1 ? GateVerdict.Pass(GateName) : GateVerdict.Reject(GateName, RejectionReason.CustomGate, _orders, 2, "every other order");
}

/// <summary>The position limit behind an explicitly implemented <see cref="IReservingGate"/>, counting admissions; the app passes it in.</summary>
public sealed class CountingReservingGate(RiskContext context, string label) : IReservingGate
{
    private readonly PositionLimitGate _limit = new(context);

    /// <summary>The gate's name.</summary>
    public const string GateName = PositionLimitGate.GateName;

    /// <summary>What the app called it.</summary>
    public string Label => label;

    /// <summary>How many trades reached admission through the interface.</summary>
    public int Admissions { get; private set; }

    string IRiskGate.Name => GateName;

    /// <summary>Checks the cap without taking a slot.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The verdict.</returns>
    public GateVerdict Check(in TradeIntent intent) => _limit.Check(in intent);

    RiskDecision IReservingGate.Admit(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting)
    {
        Admissions++;
        return _limit.Admit(in intent, ref clock, admitting);
    }
}
