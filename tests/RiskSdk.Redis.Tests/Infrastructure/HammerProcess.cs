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
