using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RiskSdk.Analyzers;
using RiskSdk.Benchmarks.Compilation;
using RiskSdk.Benchmarks.Running;

namespace RiskSdk.Benchmarks.Analyzers;

/// <summary>
/// The RISK001 analyzer on a synthetic project of 2,000 methods (a fifth of them placing orders): compiling it
/// (a new compilation, emitted to memory: the baseline), the same plus an analyzer that only observes invocations
/// (the cost of running any operation analyzer), and the same plus <see cref="OrderPlacementAnalyzer"/>. Analyzers
/// run after emit, one at a time (no concurrent analysis), as extra work on the same compilation.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks : IDisposable
{
    private static readonly CompilationWithAnalyzersOptions Sequential = new(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    private readonly MemoryStream _image = new();
    private SyntaxTree[] _trees = null!;
    private ImmutableArray<DiagnosticAnalyzer> _risk;
    private ImmutableArray<DiagnosticAnalyzer> _observer;

    /// <summary>Parses the project and checks it compiles and that the analyzer finds exactly the unguarded placements.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _trees = SyntheticCompilation.Parse(AnalyzerWorkload.Sources());
        _risk = [new OrderPlacementAnalyzer()];
        _observer = [new InvocationObserver()];
        var compilation = SyntheticCompilation.Create(_trees);
        var errors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count != 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile: " + string.Join("; ", errors));
        }

        var methods = compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Member).OfType<IMethodSymbol>().Count(static m => m.MethodKind == MethodKind.Ordinary);
        var findings = compilation.WithAnalyzers(_risk, Sequential).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var risk001 = findings.Count(static d => d.Id == "RISK001");
        if (risk001 != AnalyzerWorkload.UnguardedPlacements || findings.Length != risk001)
        {
            throw new InvalidOperationException($"Expected {AnalyzerWorkload.UnguardedPlacements} RISK001 findings and nothing else in {methods} methods; got: {string.Join("; ", findings)}");
        }

        JitWarmUp.Once(this, () =>
        {
            CompileOnly();
            CompileWithObserver();
            CompileWithRisk001();
        });
    }

    /// <summary>Releases the image buffer.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _image.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Compile and emit, no analyzer.</summary>
    /// <returns>The image size.</returns>
    [Benchmark(Baseline = true, Description = "Compile (emit), no analyzers")]
    public long CompileOnly() => Emit(SyntheticCompilation.Create(_trees));

    /// <summary>Compile, then an analyzer that only observes invocations.</summary>
    /// <returns>The image size plus findings.</returns>
    [Benchmark(Description = "Compile + invocation-observing analyzer (driver cost)")]
    public long CompileWithObserver() => CompileAndAnalyze(_observer);

    /// <summary>Compile, then RISK001.</summary>
    /// <returns>The image size plus findings.</returns>
    [Benchmark(Description = "Compile + RISK001 (OrderPlacementAnalyzer)")]
    public long CompileWithRisk001() => CompileAndAnalyze(_risk);

    private long CompileAndAnalyze(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = SyntheticCompilation.Create(_trees);
        var size = Emit(compilation);
        var findings = compilation.WithAnalyzers(analyzers, Sequential).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return size + findings.Length;
    }

    private long Emit(Microsoft.CodeAnalysis.Compilation compilation)
    {
        _image.SetLength(0);
        var result = compilation.Emit(_image);
        return result.Success ? _image.Length : throw new InvalidOperationException("The synthetic project failed to emit.");
    }
}
