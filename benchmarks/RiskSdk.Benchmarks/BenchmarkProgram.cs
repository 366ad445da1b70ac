using System;
using System.Linq;
using BenchmarkDotNet.Running;
using RiskSdk.Benchmarks.Configuration;
using RiskSdk.Benchmarks.Running;

namespace RiskSdk.Benchmarks;

/// <summary>
/// The entry point. <c>--short</c> selects the ShortRun job; <c>--show-config-errors</c> prints what the generated
/// binding and the Microsoft.Extensions.Configuration peer report for one input with three bad variables; every other
/// argument goes to BenchmarkDotNet (e.g. <c>--filter '*Decision*'</c>). See docs/benchmarks.md.
/// </summary>
public static class BenchmarkProgram
{
    /// <summary>Runs the selected suites, or the configuration-errors report.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains(ConfigErrorsReport.Switch, StringComparer.Ordinal))
        {
            ConfigErrorsReport.Print(Console.Out);
            return 0;
        }

        var isShort = args.Contains(BenchmarkMode.ShortSwitch, StringComparer.Ordinal);
        var rest = args.Where(static arg => arg != BenchmarkMode.ShortSwitch).ToArray();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(rest, BenchmarkMode.For(isShort));
        return summaries.Any(static summary => summary.HasCriticalValidationErrors || summary.Reports.Any(static report => !report.Success)) ? 1 : 0;
    }
}
