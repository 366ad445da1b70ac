using System;
using System.IO;
using OiTracker.Cli;
using OiTracker.Tape;

namespace RiskSdk.Samples.Tests;

/// <summary>The tape shipped with the sample, read once for all tests.</summary>
internal static class BundledTape
{
    private static readonly Lazy<SignalTape> Tape = new(() => TapeReader.ReadFile(ReplayCommand.BundledTapePath));

    public static SignalTape Value => Tape.Value;

    /// <summary>The committed file in the source tree (not the copy next to the test assembly).</summary>
    public static string SourcePath
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "samples", "OiTracker", "data", ReplayCommand.BundledTape);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("The bundled tape was not found above " + AppContext.BaseDirectory);
        }
    }
}
