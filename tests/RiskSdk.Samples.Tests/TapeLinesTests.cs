using System.Collections.Generic;
using System.IO;
using OiTracker.Tape;
using Xunit;

namespace RiskSdk.Samples.Tests;

public sealed class TapeLinesTests
{
    public static TheoryData<string, int> Texts()
    {
        string[] texts =
        [
            "",
            "\n",
            "\r\n",
            "\r",
            "one line",
            "one line\n",
            "a\nb\r\nc\rd",
            "a\r\rb\r\n\r\nc\n\n",
            "a\n\rb",
            "header,row\n2026-11-25T09:15:52.554+05:30,NSE,signal,N1\r\n# comment\r\n\r\nlast,row,without,a,break",
            new string('x', 100) + "\r\n" + new string('y', 7) + "\r",
        ];
        var data = new TheoryData<string, int>();
        foreach (var text in texts)
        {
            foreach (var bufferChars in new[] { 1, 2, 3, 5, 64, TapeLines.DefaultBufferChars })
            {
                data.Add(text, bufferChars);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Lines_are_split_where_ReadLine_splits_them_whatever_the_buffer_size(string text, int bufferChars)
    {
        var expected = new List<string>();
        using (var reader = new StringReader(text))
        {
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                expected.Add(line);
            }
        }

        var lines = new TapeLines(new StringReader(text), bufferChars);
        var actual = new List<string>();
        while (lines.TryRead(out var line))
        {
            actual.Add(line.ToString());
        }

        Assert.Equal(expected, actual);
        Assert.False(lines.TryRead(out _));
    }
}
