using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>A child process of the test host RiskSdk.Redis.Hammer, started with <c>dotnet RiskSdk.Redis.Hammer.dll</c>.</summary>
public sealed class HammerProcess : IDisposable
{
    private static readonly string AssemblyPath = typeof(HammerProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "HammerAssembly").Value!;

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private HammerProcess(IEnumerable<string> arguments)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException("The hammer test host was not built next to the tests; build tests/RiskSdk.Redis.Tests.", AssemblyPath);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the hammer.");
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts a child that does random reserve, commit, release and close against one shared cap.</summary>
    /// <param name="connection">The Redis connection string.</param>
    /// <param name="prefix">The ledger's key prefix.</param>
    /// <param name="scope">The scope.</param>
    /// <param name="cap">The cap.</param>
    /// <param name="operations">How many operations.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The running child.</returns>
    public static HammerProcess Hammer(string connection, string prefix, string scope, int cap, int operations, int seed) =>
        new(["hammer", connection, prefix, scope, Text(cap), Text(operations), Text(seed)]);

    /// <summary>Starts a child that takes reservations and waits to be killed.</summary>
    /// <param name="connection">The Redis connection string.</param>
    /// <param name="prefix">The ledger's key prefix.</param>
    /// <param name="scope">The scope.</param>
    /// <param name="cap">The cap.</param>
    /// <param name="count">How many reservations it holds.</param>
    /// <param name="reservationTimeout">Their timeout.</param>
    /// <returns>The running child.</returns>
    public static HammerProcess Hold(string connection, string prefix, string scope, int cap, int count, TimeSpan reservationTimeout) =>
        new(["hold", connection, prefix, scope, Text(cap), Text(count), Text((int)reservationTimeout.TotalMilliseconds)]);

    /// <summary>Starts a trading process that shares its trading state through the ledger, driven by <see cref="Ask"/>; it prints <c>READY state ...</c> first, once it holds the ledger's trading state (exit code 69 when the ledger did not answer within 30 s).</summary>
    /// <param name="connection">The Redis connection string.</param>
    /// <param name="prefix">The ledger's key prefix.</param>
    /// <param name="exchange">The exchange its entries go to.</param>
    /// <param name="autoExecEnabled">Its <c>OI_TRACKER_AUTO_EXEC_ENABLED</c>.</param>
    /// <returns>The running child.</returns>
    public static HammerProcess Trade(string connection, string prefix, string exchange, bool autoExecEnabled) =>
        new(["trade", connection, prefix, exchange, autoExecEnabled ? "true" : "false"]);

    /// <summary>Sends a command line to a trading child and returns its one-line answer.</summary>
    /// <param name="command">The command (<c>decide</c>, <c>halt REASON</c>, <c>resume REASON</c>, <c>state</c>).</param>
    /// <returns>The answer.</returns>
    public string Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        return ReadLine();
    }

    /// <summary>Asks a trading child to end (<c>exit</c>) and waits until it has.</summary>
    public void Exit()
    {
        _process.StandardInput.WriteLine("exit");
        _process.StandardInput.Flush();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            throw new InvalidOperationException("The trading child did not exit: " + Errors());
        }
    }

    /// <summary>Reads the child's next line of output.</summary>
    /// <returns>The line.</returns>
    public string ReadLine() => _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The hammer ended without output: " + Errors());

    /// <summary>Waits for the child to exit and returns its last line of output.</summary>
    /// <returns>The last line.</returns>
    public string ReadToEnd()
    {
        var output = _process.StandardOutput.ReadToEnd();
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The hammer exited with {_process.ExitCode}: {Errors()}"));
        }

        return output.TrimEnd().Split('\n')[^1];
    }

    /// <summary>Kills the child (as a crash would) and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
