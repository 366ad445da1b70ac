using System;
using System.Collections.Generic;

namespace OiTracker.Tape;

/// <summary>The position of each column in a tape's header row.</summary>
internal sealed class TapeHeader
{
    private readonly Dictionary<string, int> _index;

    private TapeHeader(Dictionary<string, int> index, int width)
    {
        _index = index;
        Width = width;
    }

    /// <summary>How many fields every row must have.</summary>
    public int Width { get; }

    /// <summary>Reads a header row; every column of <see cref="TapeColumns.All"/> must be present, in any order.</summary>
    /// <param name="fields">The header's fields.</param>
    /// <param name="header">The header, when it is usable.</param>
    /// <param name="problem">What is wrong with it, otherwise.</param>
    /// <returns>True when the header is usable.</returns>
    public static bool TryRead(string[] fields, out TapeHeader header, out string problem)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length; i++)
        {
            if (!index.TryAdd(fields[i].Trim(), i))
            {
                header = null!;
                problem = $"the header names column '{fields[i].Trim()}' twice";
                return false;
            }
        }

        var missing = new List<string>();
        foreach (var column in TapeColumns.All)
        {
            if (!index.ContainsKey(column))
            {
                missing.Add(column);
            }
        }

        header = new TapeHeader(index, fields.Length);
        problem = missing.Count == 0
            ? string.Empty
            : $"the header lacks column(s) {string.Join(", ", missing)}; expected {string.Join(",", TapeColumns.All)}";
        return missing.Count == 0;
    }

    /// <summary>Where a column stands in every row.</summary>
    /// <param name="column">The column's name, one of <see cref="TapeColumns.All"/> (any case).</param>
    /// <returns>Its position, from 0.</returns>
    /// <exception cref="KeyNotFoundException">The header has no such column.</exception>
    public int PositionOf(string column) => _index[column];
}
