using System;
using BenchmarkDotNet.Attributes;
using OiTracker.Replay;
using OiTracker.Tape;

namespace RiskSdk.Benchmarks.Replay;

/// <summary>
/// The OiTracker sample end to end on a 10^6-signal tape: read and parse the CSV file, then replay every event in
/// virtual time with the paper broker. The baseline is the same run through the seed's old executor (no gates); the
/// difference is what RiskSdk's gates cost. A parse-only row shows how much of either is the CSV, and a replay-only
/// row (the tape parsed once, in its setup) shows the rest.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ReplayConfig))]
public class ReplayBenchmarks
{
    private readonly RiskSettings _settings = new() { PaperMode = true };
    private string _tapePath = null!;
    private SignalTape? _parsed;

    /// <summary>Writes the tape when missing and checks it reads cleanly with every signal.</summary>
    [GlobalSetup(Targets = [nameof(WithoutGates), nameof(WithGates), nameof(ParseOnly)])]
    public void Setup() => Check(TapeReader.ReadFile(_tapePath = MillionSignalTape.Ensure()));

    /// <summary>As <see cref="Setup"/>, and keeps the parsed tape for the replay-only row.</summary>
    [GlobalSetup(Target = nameof(ReplayOnlyWithGates))]
    public void SetupParsed() => _parsed = Check(TapeReader.ReadFile(_tapePath = MillionSignalTape.Ensure()));

    /// <summary>Lets the parsed tape go, so the rows after the replay-only one do not carry it on the heap.</summary>
    [GlobalCleanup]
    public void Cleanup() => _parsed = null;

    /// <summary>Parse and replay through the old executor.</summary>
    /// <returns>Signals seen.</returns>
    [Benchmark(Baseline = true, Description = "Old executor, no gates (parse + replay)")]
    public int WithoutGates() => Replayer.WithoutGates(TapeReader.ReadFile(_tapePath), _settings).SignalsSeen;

    /// <summary>Parse and replay through the RiskSdk pipeline.</summary>
    /// <returns>Signals seen.</returns>
    [Benchmark(Description = "RiskSdk gates (parse + replay)")]
    public int WithGates() => Replayer.WithGates(TapeReader.ReadFile(_tapePath), _settings).SignalsSeen;

    /// <summary>Parse only.</summary>
    /// <returns>Events read.</returns>
    [Benchmark(Description = "Parse only (TapeReader)")]
    public int ParseOnly() => TapeReader.ReadFile(_tapePath).Events.Count;

    /// <summary>Replay only, through the RiskSdk pipeline, of the tape parsed in the setup.</summary>
    /// <returns>Signals seen.</returns>
    [Benchmark(Description = "RiskSdk gates (replay only, tape parsed in setup)")]
    public int ReplayOnlyWithGates() => Replayer.WithGates(_parsed!, _settings).SignalsSeen;

    private SignalTape Check(SignalTape tape)
    {
        var signals = 0;
        foreach (var row in tape.Events)
        {
            if (row.Kind == TapeEventKind.Signal)
            {
                signals++;
            }
        }

        if (tape.Problems.Count != 0 || signals != MillionSignalTape.Signals)
        {
            throw new InvalidOperationException($"The tape {_tapePath} has {signals} signals and {tape.Problems.Count} problems; delete it to write it again.");
        }

        return tape;
    }
}
