using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace RiskSdk.Redis.Tests.Infrastructure;

/// <summary>
/// A redis-server child process of the test run, on 127.0.0.1 and a free port, persistence off unless asked for.
/// Stopped by its pid; can be stopped, paused and started again on the same port to simulate an outage.
/// </summary>
public sealed class RedisServer : IDisposable
{
    /// <summary>Why the Redis tests cannot run here, or null when redis-server is on PATH.</summary>
    public static readonly string? MissingReason = FindExecutable() is null
        ? "redis-server is not on PATH, so the Redis ledger tests are skipped; run tests/RiskSdk.Redis.Tests/ensure-redis.sh (CI does) to install it."
        : null;

    private readonly string _executable;
    private readonly string[] _arguments;
    private readonly string? _dataDirectory;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <summary>Starts a server.</summary>
    /// <param name="durable">True to write every change to an append-only file and fsync it before answering, so a server process killed and started again keeps every change it acknowledged. (With <c>everysec</c>, a slow fsync on a loaded machine delays the write itself by up to 2 s, and a kill then loses the last changes.)</param>
    public RedisServer(bool durable = false)
    {
        _executable = FindExecutable() ?? throw new InvalidOperationException(MissingReason);
        Port = FreePort();
        var port = Port.ToString(CultureInfo.InvariantCulture);
        if (durable)
        {
            _dataDirectory = Directory.CreateTempSubdirectory("risksdk-redis-").FullName;
            _arguments = ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", _dataDirectory];
        }
        else
        {
            _arguments = ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        }

        Start();
    }

    /// <summary>The port the server listens on (kept across restarts).</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string of the server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Starts the server (again) on its port and waits until it answers PING.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, line) => Remember(line.Data);
        _process.ErrorDataReceived += (_, line) => Remember(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilAnswering();
    }

    /// <summary>Kills the server by its pid (no shutdown, no save: an outage).</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but nothing answers.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public void Resume() => Signal("CONT");

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            Resume();
        }

        Stop();
        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private void Signal(string signal)
    {
        var pid = _process?.Id ?? throw new InvalidOperationException("The server is not running.");
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 40)
        {
            _output.TryDequeue(out _);
        }
    }

    private void WaitUntilAnswering()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process!.HasExited)
            {
                break;
            }

            if (AnswersPing())
            {
                return;
            }

            Thread.Sleep(20);
        }

        throw new InvalidOperationException($"redis-server on port {Port} did not answer PING. Its output:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
    }

    private bool AnswersPing()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindExecutable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
