using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using RiskSdk.Gates;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>
/// A generated pipeline whose admission is written out step by step (<see cref="PositionLimitGate"/> is an
/// <see cref="IStagedReservingGate"/>): two scripted admitting gates around the built-in order rate and cooldown.
/// </summary>
[GatePipeline(
    typeof(FirstScriptedTake),
    typeof(OrderRateGate),
    typeof(CooldownGate),
    typeof(LastScriptedTake),
    typeof(PositionLimitGate))]
public sealed partial class StagedAdmissionPipeline;

/// <summary>An admitting gate that refuses or throws at each admission step when told to, and counts what it took, kept and gave back (writing takes and give-backs to a shared journal, in order).</summary>
/// <param name="journal">Where it writes what it took and gave back.</param>
public abstract class ScriptedTake(ICollection<string> journal) : IAdmittingGate
{
    /// <summary>Refuse the take.</summary>
    public bool RefuseTake { get; set; }

    /// <summary>Throw from the take (taking nothing).</summary>
    public bool ThrowOnTake { get; set; }

    /// <summary>Throw when told the trade was admitted.</summary>
    public bool ThrowOnAdmitted { get; set; }

    /// <summary>Throw when asked to give back.</summary>
    public bool ThrowOnUndo { get; set; }

    /// <summary>Takes that stand or wait for the admission's end.</summary>
    public int Held { get; private set; }

    /// <summary>Takes given back.</summary>
    public int Undone { get; private set; }

    /// <summary>Takes told they stand.</summary>
    public int Kept { get; private set; }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(Name);

    /// <inheritdoc/>
    public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt)
    {
        receipt = AdmissionReceipt.Nothing;
        if (ThrowOnTake)
        {
            throw new InvalidOperationException(Name + " failed to take");
        }

        if (RefuseTake)
        {
            return GateVerdict.Reject(Name, RejectionReason.CustomGate, 1, 0, Name + " refused");
        }

        Held++;
        journal.Add(Name + " took");
        receipt = new AdmissionReceipt(Held, 0, Taken: true);
        return GateVerdict.Pass(Name);
    }

    /// <inheritdoc/>
    public void Undo(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        if (ThrowOnUndo)
        {
            throw new InvalidOperationException(Name + " failed to give back");
        }

        if (receipt.Taken)
        {
            Held--;
            Undone++;
            journal.Add(Name + " gave back");
        }
    }

    /// <inheritdoc/>
    public void Admitted(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        if (ThrowOnAdmitted)
        {
            throw new InvalidOperationException(Name + " failed to keep");
        }

        Kept++;
    }
}

/// <summary>The first admitting gate of <see cref="StagedAdmissionPipeline"/>.</summary>
/// <param name="journal">Where it writes what it took and gave back.</param>
public sealed class FirstScriptedTake(ICollection<string> journal) : ScriptedTake(journal)
{
    /// <inheritdoc/>
    public override string Name => "First";
}

/// <summary>The last admitting gate of <see cref="StagedAdmissionPipeline"/>, after the order rate and the cooldown.</summary>
/// <param name="journal">Where it writes what it took and gave back.</param>
public sealed class LastScriptedTake(ICollection<string> journal) : ScriptedTake(journal)
{
    /// <inheritdoc/>
    public override string Name => "Last";
}

/// <summary>A logger at every level whose approvals notice throws while <see cref="ThrowOnApproval"/> is set (event 1002), and which keeps the names of the gates reported as faulted.</summary>
internal sealed class ApprovalThrowingLogger : ILogger
{
    public bool ThrowOnApproval { get; set; }

    public List<string> Faults { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == 1002 && ThrowOnApproval)
        {
            throw new InvalidOperationException("the log sink is down");
        }

        if (eventId.Id == 1006)
        {
            Faults.Add(formatter(state, exception));
        }
    }
}

/// <summary>A generated pipeline whose staged reserving gate is a struct implementing its role explicitly.</summary>
[GatePipeline(typeof(CooldownGate), typeof(EveryOtherReserveGate))]
public sealed partial class StagedStructPipeline;

/// <summary>
/// A struct staged reserving gate, its role implemented explicitly, keeping state in the struct: it refuses every
/// second reservation and otherwise reserves through a <see cref="PositionLimitGate"/>. Boxed or copied for the call,
/// it would forget its count and never refuse.
/// </summary>
public struct EveryOtherReserveGate : IStagedReservingGate
{
    /// <summary>The gate's name.</summary>
    public const string GateName = "EveryOtherReserve";

    private readonly PositionLimitGate _limit;
    private int _reserves;

    /// <summary>Creates the gate over the pipeline's context.</summary>
    /// <param name="context">The context.</param>
    public EveryOtherReserveGate(RiskContext context)
    {
        _limit = new PositionLimitGate(context);
        _reserves = 0;
    }

    readonly string IRiskGate.Name => GateName;

    /// <summary>Checks the cap without taking a slot.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The verdict.</returns>
    public readonly GateVerdict Check(in TradeIntent intent) => _limit.Check(in intent);

    readonly RiskDecision IReservingGate.Admit(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting) =>
        throw new InvalidOperationException("a generated pipeline admits a staged gate step by step");

    GateVerdict IStagedReservingGate.Reserve(in TradeIntent intent, ref DecisionClock clock, out AdmissionSlot slot, out Reservation reservation)
    {
        if (++_reserves % 2 == 0)
        {
            slot = default;
            reservation = default;
            return GateVerdict.Reject(GateName, RejectionReason.CustomGate, _reserves, 2, "every other reservation");
        }

        return _limit.Reserve(in intent, ref clock, out slot, out reservation);
    }

    readonly void IStagedReservingGate.Admitted(in TradeIntent intent, in AdmissionSlot slot, in Reservation reservation) =>
        _limit.Admitted(in intent, in slot, in reservation);
}
