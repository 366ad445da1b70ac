using System;
using System.IO;

namespace OiTracker.Cli;

/// <summary>A one-line progress bar on stderr, redrawn in place. Only made when stderr is a terminal.</summary>
internal sealed class ConsoleProgress : IProgress<double>
{
    private const int BarWidth = 40;
    private readonly TextWriter _writer;
    private int _lastPercent = -1;

    private ConsoleProgress(TextWriter writer) => _writer = writer;

    /// <summary>A progress bar on stderr, or null when stderr is redirected (a file, a pipe, a test).</summary>
    /// <returns>The bar, or null.</returns>
    public static ConsoleProgress? ForStandardError() => Console.IsErrorRedirected ? null : new ConsoleProgress(Console.Error);

    /// <inheritdoc/>
    public void Report(double value)
    {
        var percent = (int)Math.Round(Math.Clamp(value, 0, 1) * 100);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * BarWidth / 100;
        _writer.Write($"\r[{new string('#', filled)}{new string(' ', BarWidth - filled)}] {percent,3}%");
        if (percent == 100)
        {
            _writer.Write("\r" + new string(' ', BarWidth + 8) + "\r");
        }
    }
}
