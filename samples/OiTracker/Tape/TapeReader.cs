using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace OiTracker.Tape;

/// <summary>
/// Reads a signal tape. The policy is skip and report: a row that cannot be read (wrong field count, a bad value,
/// time going backwards, an exit for a signal the tape never gave) is left out and listed with its line number;
/// every other row is replayed. Blank lines and lines starting with <c>#</c> are comments. Never throws for bad data.
/// </summary>
internal static class TapeReader
{
    private const int FileBufferBytes = 1 << 16;

    /// <summary>Reads a tape file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The tape.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static SignalTape ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, FileBufferBytes);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a tape from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">The tape's name in the report.</param>
    /// <returns>The readable events and the skipped rows.</returns>
    public static SignalTape Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var events = new List<TapeEvent>();
        var problems = new List<TapeProblem>();
        var signals = new Dictionary<string, SignalSeen>(StringComparer.Ordinal);
        var fields = new TapeFields();
        TapeRowParser? parser = null;
        var line = 0;
        var lines = new TapeLines(reader);
        while (lines.TryRead(out var text))
        {
            line++;
            var content = text.Span.TrimStart();
            if (content.IsEmpty || content[0] == '#')
            {
                continue;
            }

            if (parser is null)
            {
                if (!TapeHeader.TryRead(text.ToString().Split(','), out var header, out var problem))
                {
                    problems.Add(new TapeProblem(line, problem + "; no row can be read"));
                    return new SignalTape(name, events, problems);
                }

                parser = new TapeRowParser(header);
                continue;
            }

            fields.Cut(text);
            if (!parser.TryParse(fields, line, out var parsed, out var rowProblem))
            {
                problems.Add(new TapeProblem(line, rowProblem));
            }
            else if (Contradiction(parsed, events, signals) is { } contradiction)
            {
                problems.Add(new TapeProblem(line, contradiction));
            }
            else
            {
                events.Add(parsed);
            }
        }

        if (parser is null)
        {
            problems.Add(new TapeProblem(Math.Max(line, 1), "the tape has no header row; expected " + string.Join(",", TapeColumns.All)));
        }

        return new SignalTape(name, events, problems);
    }

    private static string? Contradiction(TapeEvent row, List<TapeEvent> events, Dictionary<string, SignalSeen> signals)
    {
        if (events.Count > 0 && row.Time < events[^1].Time)
        {
            return $"time {row.Time:yyyy-MM-ddTHH:mm:ss.fffzzz} is earlier than line {events[^1].Line} ({events[^1].Time:HH:mm:ss.fff}); the tape must be in time order";
        }

        if (row.Kind == TapeEventKind.Signal && !signals.TryAdd(row.SignalId, new SignalSeen(row)))
        {
            return $"signal_id '{row.SignalId}' was already used on line {signals[row.SignalId].Signal.Line}";
        }

        if (row.Kind != TapeEventKind.Exit)
        {
            return null;
        }

        ref var seen = ref CollectionsMarshal.GetValueRefOrNullRef(signals, row.SignalId);
        if (Unsafe.IsNullRef(ref seen))
        {
            return $"exit for signal_id '{row.SignalId}', which no earlier signal row has";
        }

        if (seen.Signal.Exchange != row.Exchange)
        {
            return $"exit on {row.Exchange} for signal '{row.SignalId}', which was on {seen.Signal.Exchange} (line {seen.Signal.Line})";
        }

        if (seen.Exited)
        {
            return $"signal '{row.SignalId}' is exited twice";
        }

        seen.Exited = true;
        return null;
    }

    /// <summary>A signal row already read, and whether an exit row has closed it.</summary>
    private struct SignalSeen(TapeEvent signal)
    {
        public TapeEvent Signal { get; } = signal;

        public bool Exited { get; set; }
    }
}
