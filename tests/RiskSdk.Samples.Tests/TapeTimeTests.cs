using System;
using System.Globalization;
using OiTracker.Tape;
using Xunit;

namespace RiskSdk.Samples.Tests;

public sealed class TapeTimeTests
{
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    [Theory]
    [InlineData("2026-11-25T09:15:07.250+05:30")]
    [InlineData("2026-11-25T09:15:07+05:30")]
    [InlineData("2026-11-25 09:15:07.1234567+05:30")]
    [InlineData("2026-11-25T23:59:59.9999999-14:00")]
    [InlineData("2026-11-25T00:00:00.5+14:00")]
    [InlineData("2026-11-25T09:15:07.250-00:00")]
    [InlineData("2028-02-29T09:15:07+05:30")]
    [InlineData("0002-01-01T00:00:00+14:00")]
    [InlineData("0001-01-01T00:00:00+05:30")]
    [InlineData("9999-12-31T23:59:59-05:30")]
    [InlineData("2026-11-25T09:15:07")]
    [InlineData("2026-11-25 09:15:07.250")]
    [InlineData("2026-11-25T09:15:07+0530")]
    [InlineData("2026-11-25T09:15:07.+05:30")]
    [InlineData("2026-02-29T09:15:07+05:30")]
    [InlineData("2026-11-31T09:15:07+05:30")]
    [InlineData("2026-13-01T09:15:07+05:30")]
    [InlineData("2026-11-25T24:00:00+05:30")]
    [InlineData("2026-11-25T09:60:00+05:30")]
    [InlineData("2026-11-25T09:15:60+05:30")]
    [InlineData("2026-11-25T09:15:07.12345678+05:30")]
    [InlineData("2026-11-25T09:15:07+14:01")]
    [InlineData("2026-11-25T09:15:07+05:60")]
    [InlineData("2026-11-25X09:15:07+05:30")]
    [InlineData("2026-1a-25T09:15:07+05:30")]
    [InlineData("9:25")]
    [InlineData("")]
    public void The_hand_read_shape_agrees_with_the_formats_on_every_text(string text)
    {
        var expected = Reference(text);

        var read = TapeTime.TryParse(text, out var time, out var problem);

        Assert.Equal(expected.HasValue, read);
        if (expected is { } value)
        {
            Assert.Equal(string.Empty, problem);
            Assert.Equal(value.DateTime, time.DateTime);
            Assert.Equal(value.Offset, time.Offset);
        }
        else
        {
            Assert.Equal($"time_ist '{text}' is not an ISO 8601 time such as 2026-11-25T09:15:07+05:30", problem);
        }
    }

    [Fact]
    public void A_time_without_an_offset_is_IST()
    {
        Assert.True(TapeTime.TryParse("2026-11-25 09:20:00", out var time, out _));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 20, 0, TapeRowParser.IndiaOffset), time);
        Assert.Equal(TapeRowParser.IndiaOffset, time.Offset);
    }

    /// <summary>What the framework's parse of the tape's formats gives; null when it refuses the text.</summary>
    private static DateTimeOffset? Reference(string text) =>
        DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? new DateTimeOffset(local, TapeRowParser.IndiaOffset)
        : null;
}
