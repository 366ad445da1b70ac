using BenchmarkDotNet.Configs;

namespace RiskSdk.Benchmarks.Replay;

/// <summary>Adds the signals-per-second column to the replay suite.</summary>
public sealed class ReplayConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ReplayConfig() => AddColumn(new SignalsPerSecondColumn());
}
