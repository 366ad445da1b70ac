using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OiTracker.Reporting;

/// <summary>A plain-text table: a label column and one right-aligned column per run.</summary>
internal sealed class ReportTable
{
    private const int LabelWidth = 48;
    private const int MinimumValueWidth = 16;
    private readonly List<(string Label, IReadOnlyList<string>? Values)> _rows = [];

    /// <summary>Adds a heading line (no values).</summary>
    /// <param name="text">The heading.</param>
    public void Heading(string text) => _rows.Add((text, null));

    /// <summary>Adds a row.</summary>
    /// <param name="label">What the figures are.</param>
    /// <param name="values">One figure per run.</param>
    public void Row(string label, params string[] values) => _rows.Add(("  " + label, values));

    /// <summary>Writes the table.</summary>
    /// <param name="writer">Where to.</param>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var valueWidth = MinimumValueWidth;
        foreach (var (_, values) in _rows)
        {
            foreach (var value in values ?? [])
            {
                valueWidth = Math.Max(valueWidth, value.Length + 2);
            }
        }

        foreach (var (label, values) in _rows)
        {
            if (values is null)
            {
                writer.WriteLine(label);
                continue;
            }

            var line = new StringBuilder(label.PadRight(LabelWidth));
            foreach (var value in values)
            {
                line.Append(value.PadLeft(valueWidth));
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}
