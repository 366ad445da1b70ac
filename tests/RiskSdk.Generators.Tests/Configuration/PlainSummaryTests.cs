using RiskSdk.Generators.Configuration;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The parser-free summary reader gives what the XML parser gives, and steps aside for anything but plain text.</summary>
public sealed class PlainSummaryTests
{
    [Theory]
    [InlineData("<member name=\"P:N.Settings.Count\">\n    <summary>A bounded count.</summary>\n</member>\n")]
    [InlineData("<member name=\"P:N.Settings.Count\">\n    <summary>\n    Spread over\r\n    lines >  with   spaces.\n    </summary>\n</member>")]
    [InlineData("<member name=\"P:N.Settings.Count\">\n    <summary></summary>\n</member>\n")]
    [InlineData("<doc> <summary>From the trivia, ] and ]] and > alone.</summary>\n</doc>")]
    public void Plain_text_reads_the_same_as_through_the_XML_parser(string xml)
    {
        Assert.True(PlainSummary.TryRead(xml, out _));
        Assert.Equal(DocumentationSummary.Parsed(xml), DocumentationSummary.Summary(xml));
    }

    [Theory]
    [InlineData("<member name=\"P:N.S.C\">\n    <summary>Never above <see cref=\"P:N.S.D\"/>.</summary>\n</member>")]
    [InlineData("<member name=\"P:N.S.C\">\n    <summary>Fish &amp; chips.</summary>\n</member>")]
    [InlineData("<member name=\"P:N.S.C\">\n    <summary>One.</summary>\n    <remarks>Two.</remarks>\n</member>")]
    [InlineData("<member name=\"P:N.S.C\">\n    <summary>One.</summary>\n    <summary>Two.</summary>\n</member>")]
    [InlineData("<member name=\"P:N.S.C\">\n    <summary>Ends ]]> here.</summary>\n</member>")]
    [InlineData("<member name=\"P:N.S.C\">\n    <summary>A \u0001 control character.</summary>\n</member>")]
    [InlineData("<member name=\"P:N.S.C\">\n    <summary lang=\"en\">Attributed.</summary>\n</member>")]
    [InlineData("<!-- Badly formed XML comment ignored for member \"P:N.S.C\" -->")]
    [InlineData("<doc> <summary>Unclosed <b>tag.</summary>\n</doc>")]
    [InlineData("<doc> <summary>Never closed.\n</doc>")]
    [InlineData("<doc>\n</doc>")]
    public void Anything_but_plain_text_goes_through_the_XML_parser(string xml)
    {
        Assert.False(PlainSummary.TryRead(xml, out _));
        Assert.Equal(DocumentationSummary.Parsed(xml), DocumentationSummary.Summary(xml));
    }
}
