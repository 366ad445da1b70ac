using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RiskSdk.Benchmarks.Running;

/// <summary>The two ways the suites run: the full BenchmarkDotNet job, or a ShortRun for quick checks.</summary>
public static class BenchmarkMode
{
    /// <summary>The command-line switch that selects the short mode.</summary>
    public const string ShortSwitch = "--short";

    /// <summary>
    /// True once <see cref="For"/> chose the short mode; suites that run differently in full mode
    /// (<see cref="FullModeProcessesAttribute"/>) read it when BenchmarkDotNet reads their attributes.
    /// </summary>
    public static bool IsShort { get; private set; }

    /// <summary>The configuration for a mode.</summary>
    /// <param name="isShort">
    /// True for ShortRun (1 launch, 3 warm-up and 3 measured iterations) run in this process, so no separate benchmark
    /// project is built: quick, with wider error bars. False for BenchmarkDotNet's default job, each benchmark in its
    /// own process; the separate benchmark project it builds may take up to <see cref="BuildTimeout"/> (the default two
    /// minutes ran out on this two-core machine while others built).
    /// </param>
    /// <returns>The configuration; the suites add their own diagnosers and columns by attribute.</returns>
    public static IConfig For(bool isShort)
    {
        IsShort = isShort;
        var job = isShort ? Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance) : Job.Default;
        return DefaultConfig.Instance.AddJob(job.AsDefault()).WithBuildTimeout(BuildTimeout);
    }

    /// <summary>How long full mode's build of the benchmark project may take.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
}
