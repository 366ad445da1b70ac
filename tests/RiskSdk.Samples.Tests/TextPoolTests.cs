using System;
using System.Globalization;
using OiTracker.Tape;
using Xunit;

namespace RiskSdk.Samples.Tests;

public sealed class TextPoolTests
{
    [Fact]
    public void Equal_texts_get_one_string_and_the_empty_text_gets_the_empty_string()
    {
        var pool = new TextPool();

        var first = pool.Get("NIFTY 26000 CE,buy".AsSpan(0, 14));
        var again = pool.Get("x,NIFTY 26000 CE".AsSpan(2));

        Assert.Equal("NIFTY 26000 CE", first);
        Assert.Same(first, again);
        Assert.Same(string.Empty, pool.Get(ReadOnlySpan<char>.Empty));
    }

    [Fact]
    public void Past_its_limit_the_pool_still_gives_the_right_text_but_stops_remembering()
    {
        var pool = new TextPool();
        for (var i = 0; i < TextPool.MaxEntries; i++)
        {
            pool.Get(i.ToString(CultureInfo.InvariantCulture));
        }

        var late = pool.Get("one more");
        var lateAgain = pool.Get("one more");

        Assert.Equal("one more", late);
        Assert.Equal("one more", lateAgain);
        Assert.NotSame(late, lateAgain);
        Assert.Same(pool.Get("0"), pool.Get("0"));
    }
}
