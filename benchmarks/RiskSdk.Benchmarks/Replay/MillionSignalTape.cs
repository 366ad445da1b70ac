using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OiTracker.Generation;
using OiTracker.Tape;

namespace RiskSdk.Benchmarks.Replay;

/// <summary>
/// A tape of exactly <see cref="Signals"/> entry signals (with their exits), made by the sample's own
/// <see cref="TapeGenerator"/> and written by its <see cref="TapeWriter"/>. It is written once to the temp directory
/// and reused by every benchmark process, since each BenchmarkDotNet process runs the global setup again.
/// </summary>
public static class MillionSignalTape
{
    /// <summary>Entry signals on the tape.</summary>
    public const int Signals = 1_000_000;

    /// <summary>The generator's seed.</summary>
    public const ulong Seed = 20261125;

    private static readonly DateOnly FirstDay = new(2026, 11, 25);

    /// <summary>The tape's path; written first when missing.</summary>
    /// <returns>The path of the CSV file.</returns>
    public static string Ensure()
    {
        var directory = Path.Combine(Path.GetTempPath(), "risksdk-benchmarks");
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"tape-{Signals}-seed-{Seed}.csv"));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        var partial = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        using (var writer = new StreamWriter(partial) { NewLine = "\n" })
        {
            TapeWriter.Write(writer, FirstSignals(), [string.Create(CultureInfo.InvariantCulture, $"RiskSdk.Benchmarks: {Signals} signals, TapeGenerator seed {Seed}, from {FirstDay:yyyy-MM-dd}.")]);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>The generator's events up to and including the <see cref="Signals"/>-th signal.</summary>
    private static List<TapeEvent> FirstSignals()
    {
        var sample = new TapeGenerator(Seed).Generate(FirstDay, 20);
        var perDay = Count(sample) / 20.0;
        var days = (int)Math.Ceiling(Signals / perDay * 1.05) + 5;
        var events = new TapeGenerator(Seed).Generate(FirstDay, days);
        var taken = new List<TapeEvent>(2 * Signals);
        var signals = 0;
        foreach (var row in events)
        {
            taken.Add(row);
            if (row.Kind == TapeEventKind.Signal && ++signals == Signals)
            {
                return taken;
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{days} generated days held only {signals} signals."));
    }

    private static int Count(IReadOnlyList<TapeEvent> events)
    {
        var signals = 0;
        foreach (var row in events)
        {
            if (row.Kind == TapeEventKind.Signal)
            {
                signals++;
            }
        }

        return signals;
    }
}
