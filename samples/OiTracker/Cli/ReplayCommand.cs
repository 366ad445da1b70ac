using System;
using System.Collections.Generic;
using System.IO;
using OiTracker.Configuration;
using OiTracker.Replay;
using OiTracker.Reporting;
using OiTracker.Tape;

namespace OiTracker.Cli;

/// <summary>The default command: replays a tape and prints the report (and the chart).</summary>
internal static class ReplayCommand
{
    /// <summary>The bundled tape's file name, under <c>data/</c> next to the app.</summary>
    public const string BundledTape = "nse-bse-2026-11-25.csv";

    /// <summary>Tapes with at least this many rows show a progress bar (on a terminal).</summary>
    public const int LongTapeRows = 100_000;

    private const int ProblemsShown = 50;

    /// <summary>The bundled tape's path.</summary>
    public static string BundledTapePath => Path.Combine(AppContext.BaseDirectory, "data", BundledTape);

    /// <summary>Replays and reports.</summary>
    /// <param name="command">The command line.</param>
    /// <param name="configuration">A valid configuration.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <param name="progress">A progress bar, used for long tapes; null for none.</param>
    /// <returns>The exit code.</returns>
    public static int Run(CommandLine command, TrackerConfiguration configuration, TextWriter stdout, TextWriter stderr, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(stderr);
        var settings = configuration.Settings ?? throw new ArgumentException("The configuration is invalid.", nameof(configuration));
        if (command.ChartPath is { } chartPath && SameFile(chartPath, command.TapePath ?? BundledTapePath))
        {
            // Nothing lost: the chart written over the tape it was drawn from would destroy the only copy of the day.
            stderr.WriteLine($"OiTracker: --chart {chartPath} is the tape being replayed; writing the chart would overwrite it. Name another file.");
            return ExitCodes.Usage;
        }

        if (ReadTape(command, stderr) is not { } tape)
        {
            return ExitCodes.NoInput;
        }

        var bar = tape.Events.Count >= LongTapeRows ? progress : null;
        var runs = new List<ReplayResult>();
        if (command.NoGates || command.ChartPath is not null)
        {
            runs.Add(Replayer.WithoutGates(tape, settings, command.BrokerSeed, bar));
        }

        runs.Add(Replayer.WithGates(tape, settings, command.BrokerSeed, bar));
        ReportPrinter.Write(stdout, tape, runs, configuration);
        if (command.ChartPath is { } chart && WriteChart(chart, tape, runs, stdout, stderr) is var failed && failed != ExitCodes.Ok)
        {
            return failed;
        }

        return tape.Problems.Count > 0 ? ExitCodes.DataError : ExitCodes.Ok;
    }

    /// <summary>Reads the command's tape (the bundled one unless --tape names one), listing the rows it skipped.</summary>
    /// <param name="command">The command line.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <returns>The tape, or null when the file cannot be read (said on <paramref name="stderr"/>).</returns>
    public static SignalTape? ReadTape(CommandLine command, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(stderr);
        var path = command.TapePath ?? BundledTapePath;
        SignalTape tape;
        try
        {
            tape = TapeReader.ReadFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A directory is refused by the runtime as "access denied", which sends an operator to the permissions.
            var why = Directory.Exists(path) ? "it is a directory, not a tape file" : exception.Message;
            stderr.WriteLine($"OiTracker: cannot read the tape {path}: {why}");
            return null;
        }

        ReportProblems(tape, stderr);
        return tape;
    }

    private static bool SameFile(string a, string b)
    {
        try
        {
            return string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    // The full path with symbolic links followed, so "./day.csv", "day.csv" and a link to it are one file.
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
    }

    private static void ReportProblems(SignalTape tape, TextWriter stderr)
    {
        if (tape.Problems.Count == 0)
        {
            return;
        }

        stderr.WriteLine($"OiTracker: skipped {tape.Problems.Count} row(s) of {tape.Name} that could not be read; the others are replayed:");
        for (var i = 0; i < tape.Problems.Count && i < ProblemsShown; i++)
        {
            stderr.WriteLine($"{tape.Name}: {tape.Problems[i]}");
        }

        if (tape.Problems.Count > ProblemsShown)
        {
            stderr.WriteLine($"{tape.Name}: ... and {tape.Problems.Count - ProblemsShown} more");
        }
    }

    private static int WriteChart(string path, SignalTape tape, IReadOnlyList<ReplayResult> runs, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            using (var file = new StreamWriter(path) { NewLine = "\n" })
            {
                SvgChart.Write(file, $"Open positions over the day: {tape.Name}", runs, VolatileSpells.Of(tape.Events));
            }

            stdout.WriteLine();
            stdout.WriteLine($"Chart written to {path}");
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"OiTracker: cannot write the chart {path}: {exception.Message}");
            return ExitCodes.CannotCreate;
        }
    }
}
