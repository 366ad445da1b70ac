using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OiTracker.Configuration;
using OiTracker.Replay;
using OiTracker.Reporting;
using RiskSdk;

namespace OiTracker.Cli;

/// <summary>
/// <c>serve</c>: replays the tape in accelerated virtual time (a trading hour in about ten seconds) while serving the
/// RiskSdk status page on 127.0.0.1, so positions can be watched rising to the cap and stopping there, and trading
/// halted and resumed from the page (loopback-only development control: no one else can reach it).
/// </summary>
internal static class ServeCommand
{
    /// <summary>The context's name on the page and in metrics.</summary>
    public const string ContextName = "oi-tracker-paper";

    /// <summary>Serves until Ctrl+C (or, with --until-done, until the replay ends).</summary>
    /// <param name="command">The command line.</param>
    /// <param name="configuration">A valid configuration.</param>
    /// <param name="stdout">Where the address and the report go.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(CommandLine command, TrackerConfiguration configuration, TextWriter stdout, TextWriter stderr) =>
        RunAsync(command, configuration, stdout, stderr).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(CommandLine command, TrackerConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var settings = configuration.Settings ?? throw new ArgumentException("The configuration is invalid.", nameof(configuration));
        if (ReplayCommand.ReadTape(command, stderr) is not { } tape)
        {
            return ExitCodes.NoInput;
        }

        var builder = WebApplication.CreateSlimBuilder();
        // Logs go to stderr (stdout is the address and the report). A port that cannot be bound is said once, below,
        // in one line: the host's own "failed to start" error with its stack trace would only repeat it.
        builder.Logging.ClearProviders().AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(static options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, command.Port));
        await using var app = builder.Build();
        var stopping = app.Lifetime.ApplicationStopping;
        var clock = new ReplayClock(Replayer.StartOf(tape), new ReplayPace(command.Speed, stopping));
        using var context = new RiskContext(settings, timeProvider: clock, name: ContextName);
        app.MapRiskSdk("/risk", options =>
        {
            options.Context = context;
            options.AllowLoopbackControlWithoutAuthorization = true;
        });
        app.MapGet("/", static () => Results.Redirect("/risk"));
        try
        {
            await app.StartAsync(stopping);
        }
        catch (IOException exception)
        {
            stderr.WriteLine($"OiTracker: cannot listen on 127.0.0.1:{command.Port}: {exception.Message}");
            return ExitCodes.CannotCreate;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var hours = tape.Events.Count > 0 ? (tape.Events[^1].Time - tape.Events[0].Time).TotalHours : 0;
        stdout.WriteLine($"Serving the RiskSdk status page at {address}/risk");
        stdout.WriteLine($"Replaying {tape.Name} ({tape.Events.Count} rows, {hours:0.#} trading hours) at {command.Speed:0.#}x: about {hours * 3600 / command.Speed:0} s. Ctrl+C stops.");
        stdout.Flush();

        ReplayResult result;
        try
        {
            result = await Task.Run(() => Replayer.WithGates(tape, context, clock, command.BrokerSeed), stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopped before the replay began: there is nothing to report.
            stdout.WriteLine($"Stopped at {clock.Now:HH:mm:ss} on the tape's clock.");
            await app.StopAsync();
            return ExitCodes.Ok;
        }

        stdout.WriteLine();
        ReportPrinter.Write(stdout, tape, new[] { result }, configuration);
        if (result.StoppedAt is not null)
        {
            // Ctrl+C during the replay: the report of what was replayed is printed above, then the page goes down.
            await app.StopAsync();
            return ExitCodes.Ok;
        }

        if (command.UntilDone)
        {
            await app.StopAsync();
            return ExitCodes.Ok;
        }

        stdout.WriteLine();
        stdout.WriteLine($"The replay is over; the page stays up at {address}/risk until Ctrl+C.");
        stdout.Flush();
        await app.WaitForShutdownAsync();
        return ExitCodes.Ok;
    }
}
