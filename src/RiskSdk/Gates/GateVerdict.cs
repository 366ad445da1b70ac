using System.Runtime.CompilerServices;

namespace RiskSdk.Gates;

/// <summary>
/// One gate's answer for one intent: passed, or rejected with a reason and the two figures that decided it
/// (for example confidence 0.62 against a minimum of 0.70). A value type with no strings built: the readable
/// <see cref="Message"/> is only formatted when someone asks for it.
/// </summary>
/// <remarks>
/// Its constructor and factories are marked for aggressive inlining: a generated pipeline's <c>Evaluate</c> inlines
/// every gate's check, and once the JIT's inlining budget for that method ran out it called these out of line, each
/// call returning the 40-byte verdict through a buffer that was then copied (about 40 ns of a refusal at the cap).
/// </remarks>
public readonly struct GateVerdict
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private GateVerdict(string gate, RejectionReason reason, double observed, double limit, string? detail)
    {
        Gate = gate;
        Reason = reason;
        Observed = observed;
        Limit = limit;
        Detail = detail;
    }

    /// <summary>The name of the gate that gave the verdict, e.g. <c>PositionLimit</c>.</summary>
    public string Gate { get; }

    /// <summary><see cref="RejectionReason.None"/> when the gate passed; otherwise why it refused.</summary>
    public RejectionReason Reason { get; }

    /// <summary>
    /// True when the gate let the intent through: a verdict made by <see cref="Pass"/>. The empty verdict
    /// (<c>default(GateVerdict)</c>, which names no gate: a gate that returned before deciding) is not a pass; a
    /// pipeline refuses it as <see cref="RejectionReason.GateFault"/> (fail closed).
    /// </summary>
    public bool IsPassed => Reason == RejectionReason.None && Gate is not null;

    /// <summary>The figure the gate measured (open positions, confidence, lots, seconds since the last trade, ...).</summary>
    public double Observed { get; }

    /// <summary>The limit it was measured against (the cap, the minimum, the cooldown in seconds, ...).</summary>
    public double Limit { get; }

    /// <summary>Extra words from the gate, e.g. a custom gate's own explanation; null for the built-in gates.</summary>
    public string? Detail { get; }

    /// <summary>A readable sentence for logs and reports; formatted on each call.</summary>
    public string Message => RejectionMessages.Describe(Gate, Reason, Observed, Limit, Detail);

    /// <summary>A passing verdict of the named gate.</summary>
    /// <param name="gate">The gate's name.</param>
    /// <returns>The verdict.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict Pass(string gate) => new(gate, RejectionReason.None, 0, 0, null);

    /// <summary>A rejection by the named gate.</summary>
    /// <param name="gate">The gate's name.</param>
    /// <param name="reason">Why; must not be <see cref="RejectionReason.None"/> (it is turned into <see cref="RejectionReason.GateFault"/>, failing closed).</param>
    /// <param name="observed">The figure the gate measured.</param>
    /// <param name="limit">The limit it was measured against.</param>
    /// <param name="detail">Optional extra words, e.g. from a custom gate.</param>
    /// <returns>The verdict.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GateVerdict Reject(string gate, RejectionReason reason, double observed, double limit, string? detail = null) =>
        new(gate, reason == RejectionReason.None ? RejectionReason.GateFault : reason, observed, limit, detail);

    /// <summary>A <see cref="RejectionReason.GateFault"/> rejection for a gate that threw; the detail names the exception.</summary>
    /// <param name="gate">The gate's name.</param>
    /// <param name="exception">What it threw.</param>
    /// <returns>The verdict.</returns>
    public static GateVerdict Fault(string gate, System.Exception exception) =>
        new(gate, RejectionReason.GateFault, 0, 0, exception is null ? null : exception.GetType().Name + ": " + exception.Message);

    /// <inheritdoc/>
    public override string ToString() => IsPassed ? Gate + ": passed" : Message;

    /// <summary>The gate named in a refusal of the empty verdict, which names none.</summary>
    internal const string UnnamedGate = "(unnamed gate)";

    /// <summary>The detail of a refusal of the empty verdict.</summary>
    internal const string EmptyVerdictDetail = "the gate returned the empty verdict (default GateVerdict), neither Pass nor Reject";
}
