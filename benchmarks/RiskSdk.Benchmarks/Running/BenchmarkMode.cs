using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace RiskSdk.Benchmarks.Running;

/// <summary>The two ways the suites run: the full BenchmarkDotNet job, or a ShortRun for quick checks.</summary>
public static class BenchmarkMode
{
    /// <summary>The command-line switch that selects the short mode.</summary>
    public const string ShortSwitch = "--short";

    /// <summary>The configuration for a mode.</summary>
    /// <param name="isShort">True for ShortRun (1 launch, 3 warm-up and 3 measured iterations): about 10 s a benchmark, wider error bars.</param>
    /// <returns>The configuration; the suites add their own diagnosers and columns by attribute.</returns>
    public static IConfig For(bool isShort)
    {
        var job = isShort ? Job.ShortRun : Job.Default;
        return DefaultConfig.Instance.AddJob(job.AsDefault());
    }
}
