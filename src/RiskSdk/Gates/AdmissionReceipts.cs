using System.Runtime.CompilerServices;

namespace RiskSdk.Gates;

/// <summary>
/// Room for the receipts of up to <see cref="Length"/> admitting gates, kept in the admitting method's own frame: a
/// fixed-size buffer instead of a <see langword="stackalloc"/>, which would keep the method from being recompiled with
/// profile data (the runtime does not re-tier methods that allocate on the stack dynamically).
/// </summary>
[InlineArray(Length)]
internal struct AdmissionReceipts
{
    /// <summary>Admitting gates whose receipts fit; a pipeline with more allocates an array for them.</summary>
    public const int Length = 8;

    private AdmissionReceipt _first;
}
