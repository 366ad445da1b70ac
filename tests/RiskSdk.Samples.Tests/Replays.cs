using OiTracker.Replay;
using OiTracker.Tape;

namespace RiskSdk.Samples.Tests;

/// <summary>Runs the replay in-process.</summary>
internal static class Replays
{
    public static ReplayResult Gated(RiskSettings settings, SignalTape? tape = null) => Replayer.WithGates(tape ?? BundledTape.Value, settings);

    public static ReplayResult Ungated(RiskSettings settings, SignalTape? tape = null) => Replayer.WithoutGates(tape ?? BundledTape.Value, settings);
}
