using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Configuration;

namespace RiskSdk.Benchmarks.Configuration;

/// <summary>
/// Start-up configuration: the generated binding and validation of the AutoExec settings against
/// Microsoft.Extensions.Configuration (+ Binder, reflection-based) and DataAnnotations on <see cref="AutoExecOptions"/>
/// (the baseline), from the same variables. Valid input, and the same input with three bad variables.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ConfigBenchmarks
{
    private const string Valid = "Valid (10 variables set)";
    private const string ThreeBad = "Three bad variables";

    private IConfigurationRoot _prebuilt = null!;
    private IReadOnlyDictionary<string, string?> _valid = null!;
    private IReadOnlyDictionary<string, string?> _threeBad = null!;

    /// <summary>Builds the peer's configuration once, for the row that leaves building out, and checks both binders agree the inputs are valid and invalid.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _valid = ConfigInputs.Valid;
        _threeBad = ConfigInputs.ThreeBad;
        _prebuilt = PeerBinder.BuildConfiguration(_valid);
        if (GeneratedValid() != 0 || PeerValid() != 0 || GeneratedThreeBad() != 3 || PeerThreeBad() == 0)
        {
            throw new InvalidOperationException("The binders do not report what the benchmark's inputs were made for.");
        }
    }

    /// <summary>The peer: build the configuration from the variables, bind, validate.</summary>
    /// <returns>Problems found.</returns>
    [Benchmark(Baseline = true, Description = "M.E.Configuration + Binder + DataAnnotations"), BenchmarkCategory(Valid)]
    public int PeerValid() => PeerProblems(_valid);

    /// <summary>The peer with the configuration already built: bind and validate only.</summary>
    /// <returns>Problems found.</returns>
    [Benchmark(Description = "  same, configuration prebuilt (bind + validate only)"), BenchmarkCategory(Valid)]
    public int PeerValidPrebuilt()
    {
        var results = new List<ValidationResult>();
        PeerBinder.BindAndValidate(_prebuilt, results);
        return results.Count;
    }

    /// <summary>The generated binding, validation included.</summary>
    /// <returns>Problems found.</returns>
    [Benchmark(Description = "Generated Bind (RiskSdk)"), BenchmarkCategory(Valid)]
    public int GeneratedValid() => GeneratedTrackerSettings.Bind(_valid).Errors.Count;

    /// <summary>The peer on the bad input: it throws at the first value that does not convert.</summary>
    /// <returns>Problems reported (1: the exception).</returns>
    [Benchmark(Baseline = true, Description = "M.E.Configuration + Binder + DataAnnotations"), BenchmarkCategory(ThreeBad)]
    public int PeerThreeBad() => PeerProblems(_threeBad);

    /// <summary>The generated binding on the bad input: every problem.</summary>
    /// <returns>Problems reported.</returns>
    [Benchmark(Description = "Generated Bind (RiskSdk)"), BenchmarkCategory(ThreeBad)]
    public int GeneratedThreeBad() => GeneratedTrackerSettings.Bind(_threeBad).Errors.Count;

    private static int PeerProblems(IReadOnlyDictionary<string, string?> variables)
    {
        var results = new List<ValidationResult>();
        try
        {
            PeerBinder.BindAndValidate(PeerBinder.BuildConfiguration(variables), results);
            return results.Count;
        }
        catch (InvalidOperationException)
        {
            return results.Count + 1;
        }
    }
}
