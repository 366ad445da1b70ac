using System;
using System.IO;
using System.Linq;
using OiTracker.Configuration;

namespace OiTracker.Cli;

/// <summary><c>config</c>: prints every variable with its value, source, allowed range and description.</summary>
internal static class ConfigCommand
{
    /// <summary>Prints the configuration.</summary>
    /// <param name="configuration">A valid configuration.</param>
    /// <param name="stdout">Where to.</param>
    /// <returns><see cref="ExitCodes.Ok"/>.</returns>
    public static int Run(TrackerConfiguration configuration, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(stdout);
        var name = Math.Max(4, configuration.Entries.Max(static e => e.Name.Length));
        var value = Math.Max(5, configuration.Entries.Max(static e => e.Value.Length));
        var range = Math.Max(5, configuration.Entries.Max(static e => e.Range.Length));
        stdout.WriteLine($"{"NAME".PadRight(name)}  {"VALUE".PadRight(value)}  {"SOURCE",-11}  {"RANGE".PadRight(range)}  DESCRIPTION");
        foreach (var entry in configuration.Entries)
        {
            stdout.WriteLine($"{entry.Name.PadRight(name)}  {entry.Value.PadRight(value)}  {entry.Source,-11}  {entry.Range.PadRight(range)}  {entry.Description}");
        }

        return ExitCodes.Ok;
    }
}
