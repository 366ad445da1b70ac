using System;
using System.Collections.Generic;
using System.IO;
using OiTracker.Configuration;

namespace OiTracker.Cli;

/// <summary>
/// The whole app behind a thin <c>Program</c>: parses the command line and runs a command. The environment and the
/// output streams are parameters, so tests run it in-process with a dictionary for the environment.
/// </summary>
internal static class OiTrackerApp
{
    /// <summary>Runs one command.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">The variables the configuration is bound from.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <param name="progress">A progress bar for long tapes; null for none.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, IReadOnlyDictionary<string, string?> environment, TextWriter stdout, TextWriter stderr, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!CommandLine.TryParse(args, out var command, out var error))
        {
            stderr.WriteLine("OiTracker: " + error);
            stderr.WriteLine(CommandLine.Usage);
            return ExitCodes.Usage;
        }

        switch (command.Command)
        {
            case "help":
                stdout.WriteLine(CommandLine.Usage);
                return ExitCodes.Ok;
            case "generate-tape":
                return GenerateTapeCommand.Run(command, stdout, stderr);
        }

        var configuration = TrackerConfigurationBinder.Bind(environment);
        foreach (var warning in configuration.Warnings)
        {
            stderr.WriteLine("warning: " + warning);
        }

        if (!configuration.IsValid)
        {
            // Fail closed: one line per problem, each naming its variable, and nothing is replayed.
            foreach (var problem in configuration.Problems)
            {
                stderr.WriteLine(problem);
            }

            return ExitCodes.Configuration;
        }

        return command.Command switch
        {
            "config" => ConfigCommand.Run(configuration, stdout),
            "serve" => ServeCommand.Run(command, configuration, stdout, stderr),
            _ => ReplayCommand.Run(command, configuration, stdout, stderr, progress),
        };
    }
}
