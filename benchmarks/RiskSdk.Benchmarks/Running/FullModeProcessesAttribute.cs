using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace RiskSdk.Benchmarks.Running;

/// <summary>
/// In full mode, runs each benchmark of the suite in several processes and pools their measurements, so a row's mean
/// and error include the spread between processes rather than the luck of one; each process measures at most
/// <see cref="MaxIterationsPerProcess"/> iterations. Short mode (in process) is unchanged.
/// </summary>
/// <remarks>
/// For a decision of a few tens of nanoseconds the process matters: the same code on the same data runs at one speed
/// for a process's whole life and up to 40 % slower in the next (docs/benchmarks.md, section 8). With one process per
/// row, that lottery becomes a difference between rows.
/// </remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FullModeProcessesAttribute : Attribute, IConfigSource
{
    /// <summary>The most iterations measured in one process (BenchmarkDotNet's default minimum is 15).</summary>
    public const int MaxIterationsPerProcess = 20;

    /// <summary>Runs each benchmark in <paramref name="processes"/> processes in full mode.</summary>
    /// <param name="processes">How many processes (BenchmarkDotNet's launch count).</param>
    public FullModeProcessesAttribute(int processes)
    {
        Processes = processes;
        Config = BenchmarkMode.IsShort
            ? ManualConfig.CreateEmpty()
            : ManualConfig.CreateEmpty().AddJob(Job.Default.WithLaunchCount(processes).WithMaxIterationCount(MaxIterationsPerProcess).AsMutator());
    }

    /// <summary>How many processes each benchmark runs in, in full mode.</summary>
    public int Processes { get; }

    /// <inheritdoc/>
    public IConfig Config { get; }
}
