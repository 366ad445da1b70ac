using System;
using System.Globalization;

namespace OiTracker.Cli;

/// <summary>The parsed command line.</summary>
/// <param name="Command">replay (the default), serve, config, generate-tape or help.</param>
/// <param name="TapePath">--tape: the tape to replay; null for the bundled one.</param>
/// <param name="NoGates">--no-gates: also replay through the old executor and show both side by side.</param>
/// <param name="ChartPath">--chart: where to write the SVG chart; null for none.</param>
/// <param name="BrokerSeed">--broker-seed: the paper broker's seed.</param>
/// <param name="Seed">generate-tape --seed.</param>
/// <param name="FirstDay">generate-tape --date.</param>
/// <param name="Days">generate-tape --days.</param>
/// <param name="OutPath">generate-tape --out; null for stdout.</param>
/// <param name="Port">serve --port: the port on 127.0.0.1; 0 for any free one.</param>
/// <param name="Speed">serve --speed: virtual seconds per real second.</param>
/// <param name="UntilDone">serve --until-done: stop when the replay ends instead of waiting for Ctrl+C.</param>
internal sealed record CommandLine(
    string Command,
    string? TapePath,
    bool NoGates,
    string? ChartPath,
    ulong BrokerSeed,
    ulong Seed,
    DateOnly FirstDay,
    int Days,
    string? OutPath,
    int Port = 0,
    double Speed = CommandLine.DefaultSpeed,
    bool UntilDone = false)
{
    /// <summary>serve's default speed: a trading hour in ten seconds.</summary>
    public const double DefaultSpeed = 360;

    /// <summary>serve's fastest speed.</summary>
    public const double MaximumSpeed = 1e9;

    /// <summary>The seed of the bundled tape.</summary>
    public const ulong BundledTapeSeed = 20261125;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: OiTracker [replay] [--tape FILE] [--no-gates] [--chart FILE.svg] [--broker-seed N]
               OiTracker serve [--port N] [--speed N] [--tape FILE] [--broker-seed N] [--until-done]
               OiTracker config
               OiTracker generate-tape [--seed N] [--date YYYY-MM-DD] [--days N] [--out FILE]

          replay          replay a signal tape through the RiskSdk gates with a paper broker and print the report
                          (the default; the bundled tape unless --tape names one)
            --no-gates    also replay it through the old executor (time-only cooldown, no cap), side by side
            --chart FILE  write open positions over the day per exchange, both runs, as SVG
          serve           replay the tape in accelerated virtual time and serve the live RiskSdk status page on
                          127.0.0.1 (the address is printed; halt and resume from the page); Ctrl+C stops
            --port N      the port (default: any free one)
            --speed N     virtual seconds per real second (default 360: a trading hour in ten seconds)
            --until-done  stop when the replay ends, after printing the report
          config          print every OI_TRACKER_* variable: name, value, source, allowed range, description
          generate-tape   write a deterministic tape (the bundled one is --seed 20261125 --date 2026-11-25 --days 1)

        exit codes: 0 ok, 64 usage, 65 tape rows skipped, 66 tape not found, 73 cannot write or listen, 78 invalid configuration
        """;

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="parsed">The command line, when valid.</param>
    /// <param name="error">What is wrong, otherwise.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string[] args, out CommandLine parsed, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        parsed = new CommandLine("replay", null, false, null, BundledTapeSeed, BundledTapeSeed, new DateOnly(2026, 11, 25), 1, null);
        error = string.Empty;
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            parsed = parsed with { Command = args[0] };
            i = 1;
            if (parsed.Command is not ("replay" or "serve" or "config" or "generate-tape" or "help"))
            {
                error = $"unknown command '{args[0]}'";
                return false;
            }
        }

        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        for (; i < args.Length; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Length && !LooksLikeOption(args[i + 1]) ? args[++i] : throw new FormatException($"{option} needs a value");
            string PathValue() => Value() is { } path && !string.IsNullOrWhiteSpace(path) ? path : throw new FormatException($"{option} needs a file name, not an empty one");
            try
            {
                // A repeated option is a mistake a script makes (two --tape, two --port): refuse it rather than keep the last.
                if (option is not ("--help" or "-h") && !seen.Add(option))
                {
                    throw new FormatException($"{option} is given more than once");
                }

                parsed = (parsed.Command, option) switch
                {
                    (_, "--help" or "-h") => parsed with { Command = "help" },
                    ("replay", "--tape") => parsed with { TapePath = PathValue() },
                    ("replay", "--no-gates") => parsed with { NoGates = true },
                    ("replay", "--chart") => parsed with { ChartPath = PathValue() },
                    ("replay", "--broker-seed") => parsed with { BrokerSeed = Number(option, Value()) },
                    ("serve", "--tape") => parsed with { TapePath = PathValue() },
                    ("serve", "--broker-seed") => parsed with { BrokerSeed = Number(option, Value()) },
                    ("serve", "--port") => parsed with { Port = ParsePort(Value()) },
                    ("serve", "--speed") => parsed with { Speed = ParseSpeed(Value()) },
                    ("serve", "--until-done") => parsed with { UntilDone = true },
                    ("generate-tape", "--seed") => parsed with { Seed = Number(option, Value()) },
                    ("generate-tape", "--date") => parsed with { FirstDay = ParseDate(Value()) },
                    ("generate-tape", "--days") => parsed with { Days = ParseDays(Value()) },
                    ("generate-tape", "--out") => parsed with { OutPath = PathValue() },
                    _ => throw new FormatException($"unknown option '{option}' for {parsed.Command}"),
                };
            }
            catch (FormatException exception)
            {
                error = exception.Message;
                return false;
            }
        }

        return true;
    }

    // A value never starts with "--": "--tape --no-gates" is a missing file name, not a file called --no-gates.
    private static bool LooksLikeOption(string text) => text.StartsWith("--", StringComparison.Ordinal);

    private static ulong Number(string option, string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"{option} '{text}' is not a whole number");

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : throw new FormatException($"--port '{text}' is not a port from 0 to 65535");

    private static double ParseSpeed(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var speed) && speed is > 0 and <= MaximumSpeed ? speed : throw new FormatException($"--speed '{text}' is not a number of virtual seconds per second above 0 and at most 1000000000");

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw new FormatException($"--date '{text}' is not a date like 2026-11-25");

    private static int ParseDays(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 250 ? days : throw new FormatException($"--days '{text}' is not a whole number from 1 to 250");
}
