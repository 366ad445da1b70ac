using System;

namespace OiTracker.Tape;

/// <summary>
/// One CSV row cut at its commas, the way <c>string.Split(',')</c> cuts it, but kept as positions in the line: reading a
/// field makes no string, so a row costs no allocation until the values worth keeping are turned into strings.
/// One instance is reused for every row of a tape.
/// </summary>
internal sealed class TapeFields
{
    private ReadOnlyMemory<char> _line;

    // Field i spans from _commas[i] + 1 up to _commas[i + 1]; _commas[0] is -1 and _commas[Count] is the line's length.
    private int[] _commas = new int[16];

    /// <summary>How many fields the row has (one more than its commas).</summary>
    public int Count { get; private set; }

    /// <summary>A field's text with white space trimmed from both ends, as <see cref="string.Trim()"/> trims it.</summary>
    /// <param name="index">The field's position, from 0.</param>
    /// <returns>The text; empty for an empty field.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var start = _commas[index] + 1;
            return _line.Span.Slice(start, _commas[index + 1] - start).Trim();
        }
    }

    /// <summary>Cuts a line into its fields, replacing the previous row.</summary>
    /// <param name="line">The line, without its line break; it must stay unchanged while the fields are read.</param>
    public void Cut(ReadOnlyMemory<char> line)
    {
        _line = line;
        _commas[0] = -1;
        var text = line.Span;
        var count = 1;
        var from = 0;
        int comma;
        while ((comma = text.Slice(from).IndexOf(',')) >= 0)
        {
            Mark(count++, from + comma);
            from += comma + 1;
        }

        Mark(count, text.Length);
        Count = count;
    }

    private void Mark(int boundary, int position)
    {
        if (boundary == _commas.Length)
        {
            Array.Resize(ref _commas, _commas.Length * 2);
        }

        _commas[boundary] = position;
    }
}
