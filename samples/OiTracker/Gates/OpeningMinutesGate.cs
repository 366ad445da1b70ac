using System;
using OiTracker.Replay;
using OiTracker.Tape;
using RiskSdk;
using RiskSdk.Gates;

namespace OiTracker.Gates;

/// <summary>
/// The tracker's own gate: no new position in the first five minutes after the 09:15 IST open, while the opening
/// auction's prices settle and open interest is still stale. Exits pass. A plain type with the documented
/// <c>Check(in TradeIntent)</c> shape: the generated pipeline calls it directly and builds it with the context's clock.
/// </summary>
internal sealed class OpeningMinutesGate
{
    /// <summary>The gate's name in verdicts, logs and reports.</summary>
    public const string GateName = "OpeningMinutes";

    /// <summary>How long after the open new positions wait.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time;

    /// <summary>Creates the gate.</summary>
    /// <param name="time">The clock (virtual time in the replay).</param>
    public OpeningMinutesGate(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Refuses a new position between 09:15 and 09:20 IST.</summary>
    /// <param name="intent">The trade.</param>
    /// <returns>Pass, or <see cref="RejectionReason.CustomGate"/> with the minutes since the open against the five required.</returns>
    public GateVerdict Check(in TradeIntent intent)
    {
        var sinceOpen = _time.GetUtcNow().ToOffset(TapeRowParser.IndiaOffset).TimeOfDay - TradingSessions.Open;
        return intent.ReducesExposure || sinceOpen < TimeSpan.Zero || sinceOpen >= Quiet
            ? GateVerdict.Pass(GateName)
            : GateVerdict.Reject(GateName, RejectionReason.CustomGate, Math.Round(sinceOpen.TotalMinutes, 1), Quiet.TotalMinutes, "no new position in the first five minutes after the open");
    }
}
