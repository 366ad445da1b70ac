using System;
using System.Collections.Generic;

namespace OiTracker.Tape;

/// <summary>
/// One string per distinct text for the columns whose values repeat row after row (exchange, symbol): a tape of a
/// million rows then holds a handful of exchange and symbol strings instead of a million of each. Past
/// <see cref="MaxEntries"/> distinct texts it stops remembering and makes a new string each time.
/// </summary>
internal sealed class TextPool
{
    /// <summary>The most distinct texts remembered.</summary>
    public const int MaxEntries = 4096;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>Creates an empty pool.</summary>
    public TextPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="text"/>, made and remembered the first time.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The string.</returns>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (_bySpan.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var made = text.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(made, made);
        }

        return made;
    }
}
