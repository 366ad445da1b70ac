using System;
using RiskSdk.Gates;

namespace RiskSdk.Tests.Admission;

/// <summary>An admitting gate whose check passes and whose admission refuses or throws when told to; it counts what it was asked to undo and to keep.</summary>
internal sealed class ScriptedAdmissionGate : IAdmittingGate
{
    public bool Refuse { get; set; }

    public bool Throw { get; set; }

    public bool ThrowWhenAdmitted { get; set; }

    public int Undone { get; private set; }

    public int Kept { get; private set; }

    public string Name => "Scripted";

    public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(Name);

    public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt)
    {
        receipt = AdmissionReceipt.Nothing;
        if (Throw)
        {
            throw new InvalidOperationException("admission step failed");
        }

        if (Refuse)
        {
            return GateVerdict.Reject(Name, RejectionReason.CustomGate, 1, 0);
        }

        receipt = new AdmissionReceipt(1, 0, Taken: true);
        return GateVerdict.Pass(Name);
    }

    public void Undo(in TradeIntent intent, in AdmissionReceipt receipt) => Undone += receipt.Taken ? 1 : 0;

    public void Admitted(in TradeIntent intent, in AdmissionReceipt receipt)
    {
        if (ThrowWhenAdmitted)
        {
            throw new InvalidOperationException("admission notice failed");
        }

        Kept += receipt.Taken ? 1 : 0;
    }
}
