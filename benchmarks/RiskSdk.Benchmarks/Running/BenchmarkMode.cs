using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RiskSdk.Benchmarks.Running;

/// <summary>The two ways the suites run: the full BenchmarkDotNet job, or a ShortRun for quick checks.</summary>
public static class BenchmarkMode
{
    /// <summary>The command-line switch that selects the short mode.</summary>
    public const string ShortSwitch = "--short";

    /// <summary>The configuration for a mode.</summary>
    /// <param name="isShort">
    /// True for ShortRun (1 launch, 3 warm-up and 3 measured iterations) run in this process, so no separate benchmark
    /// project is built: quick, with wider error bars. False for BenchmarkDotNet's default job, each benchmark in its
    /// own process.
    /// </param>
    /// <returns>The configuration; the suites add their own diagnosers and columns by attribute.</returns>
    public static IConfig For(bool isShort)
    {
        var job = isShort ? Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance) : Job.Default;
        return DefaultConfig.Instance.AddJob(job.AsDefault());
    }
}
