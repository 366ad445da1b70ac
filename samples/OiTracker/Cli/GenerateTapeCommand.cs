using System;
using System.Globalization;
using System.IO;
using OiTracker.Generation;
using OiTracker.Tape;

namespace OiTracker.Cli;

/// <summary><c>generate-tape</c>: writes a deterministic tape; the bundled one was made with the defaults.</summary>
internal static class GenerateTapeCommand
{
    /// <summary>Generates and writes a tape.</summary>
    /// <param name="command">The command line (seed, first day, days, output).</param>
    /// <param name="stdout">Where the tape goes without --out.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(CommandLine command, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(stderr);
        var events = new TapeGenerator(command.Seed).Generate(command.FirstDay, command.Days);
        string[] comments =
        [
            "OiTracker signal tape: NSE and BSE index options, 09:15-15:30 IST. Synthetic and deterministic.",
            string.Create(CultureInfo.InvariantCulture, $"Made by: dotnet run --project samples/OiTracker -- generate-tape --seed {command.Seed} --date {command.FirstDay:yyyy-MM-dd} --days {command.Days}"),
            "Format: see samples/OiTracker/README.md.",
        ];
        try
        {
            if (command.OutPath is null)
            {
                TapeWriter.Write(stdout, events, comments);
                return ExitCodes.Ok;
            }

            using var file = new StreamWriter(command.OutPath) { NewLine = "\n" };
            TapeWriter.Write(file, events, comments);
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"OiTracker: cannot write {command.OutPath}: {exception.Message}");
            return ExitCodes.CannotCreate;
        }
    }
}
