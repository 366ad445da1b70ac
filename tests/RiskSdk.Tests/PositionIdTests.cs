using System;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>The one position-id rule the books share (each book's use of it is tested in the book behaviour suites).</summary>
public sealed class PositionIdTests
{
    [Fact]
    public void An_id_with_text_is_returned_unchanged_surrounding_spaces_included()
    {
        Assert.Equal(" P-1 ", PositionId.Require(" P-1 "));
    }

    [Fact]
    public void A_missing_id_names_the_argument_it_came_in()
    {
        string? fillId = null;
        var missing = Assert.Throws<ArgumentNullException>(() => PositionId.Require(fillId));
        var blank = Assert.Throws<ArgumentException>(() => PositionId.Require("\u2003", "brokerOpenPositionIds"));

        Assert.Equal("fillId", missing.ParamName);
        Assert.StartsWith("A position id is required; null was given.", missing.Message, StringComparison.Ordinal);
        Assert.Equal("brokerOpenPositionIds", blank.ParamName);
        Assert.StartsWith("A position id must not be empty or blank.", blank.Message, StringComparison.Ordinal);
    }
}
