using System;
using System.IO;

namespace OiTracker.Tape;

/// <summary>
/// The lines of a text, split where <see cref="TextReader.ReadLine"/> splits them (<c>\n</c>, <c>\r</c> or <c>\r\n</c>),
/// but handed out as views of one reused buffer instead of a new string per line. A line stays valid until the next
/// call to <see cref="TryRead"/>.
/// </summary>
internal sealed class TapeLines
{
    /// <summary>The buffer's starting size in characters; it doubles for a line longer than that.</summary>
    public const int DefaultBufferChars = 1 << 15;

    private readonly TextReader _reader;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfText;

    // The last line ended with a '\r' that was the last character read so far: a '\n' right after it belongs to it.
    private bool _lineFeedMayFollow;

    /// <summary>Reads lines from a text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="bufferChars">The buffer's starting size, at least 1.</param>
    public TapeLines(TextReader reader, int bufferChars = DefaultBufferChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferChars, 1);
        _reader = reader;
        _buffer = new char[bufferChars];
    }

    /// <summary>The next line, without its line break.</summary>
    /// <param name="line">The line; valid until the next call.</param>
    /// <returns>False at the end of the text.</returns>
    public bool TryRead(out ReadOnlyMemory<char> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            if (_lineFeedMayFollow && !pending.IsEmpty)
            {
                _lineFeedMayFollow = false;
                if (pending[0] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            var stop = pending.IndexOfAny('\r', '\n');
            if (stop >= 0)
            {
                line = _buffer.AsMemory(_start, stop);
                _start += stop + 1;
                if (pending[stop] == '\r')
                {
                    _lineFeedMayFollow = true;
                }

                return true;
            }

            if (_endOfText)
            {
                line = _buffer.AsMemory(_start, pending.Length);
                _start = _end;
                return !pending.IsEmpty;
            }

            ReadMore();
        }
    }

    private void ReadMore()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        _endOfText = read == 0;
        _end += read;
    }
}
