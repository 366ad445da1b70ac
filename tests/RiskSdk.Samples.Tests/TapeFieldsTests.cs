using System;
using System.Linq;
using OiTracker.Tape;
using Xunit;

namespace RiskSdk.Samples.Tests;

public sealed class TapeFieldsTests
{
    [Theory]
    [InlineData("2026-11-25T09:15:52.554+05:30,NSE,signal,N1,NIFTY 26000 CE,buy,0.976,0.211,2,1.42,normal,,")]
    [InlineData(" a , b ,c ")]
    [InlineData(",,")]
    [InlineData("no commas")]
    [InlineData("")]
    [InlineData("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35")]
    public void A_row_is_cut_as_Split_cuts_it_and_each_field_is_trimmed(string line)
    {
        var fields = new TapeFields();
        fields.Cut("an,earlier,row,that,had,more,fields,than,some,of,these,ones,do,at,all,x,y".AsMemory());

        fields.Cut(line.AsMemory());

        var expected = line.Split(',').Select(static field => field.Trim()).ToArray();
        Assert.Equal(expected.Length, fields.Count);
        Assert.Equal(expected, Enumerable.Range(0, fields.Count).Select(i => fields[i].ToString()).ToArray());
    }

    [Fact]
    public void A_field_past_the_last_is_refused()
    {
        var fields = new TapeFields();
        fields.Cut("a,b".AsMemory());

        Assert.Throws<ArgumentOutOfRangeException>(() => fields[2].ToString());
    }
}
