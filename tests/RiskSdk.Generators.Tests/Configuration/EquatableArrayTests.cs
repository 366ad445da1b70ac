using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>The array type the models rely on for caching compares by content, through every equality entry point.</summary>
public sealed class EquatableArrayTests
{
    private static EquatableArray<string> Of(params string[] items) => new(items);

    [Fact]
    public void Arrays_with_the_same_items_are_equal_through_every_entry_point()
    {
        var left = Of("A", "B");
        var right = Of("A", "B");

        Assert.True(left.Equals(right));
        Assert.True(left.Equals((object)right));
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Arrays_with_different_items_or_order_differ()
    {
        var left = Of("A", "B");

        Assert.False(left.Equals((object)Of("B", "A")));
        Assert.False(left.Equals((object)Of("A")));
        Assert.False(left.Equals((object)"A,B"));
        Assert.False(left.Equals((object?)null));
    }

    [Fact]
    public void Default_equals_empty()
    {
        Assert.True(default(EquatableArray<int>).Equals((object)EquatableArray<int>.Empty));
        Assert.Empty(default(EquatableArray<int>));
    }
}
