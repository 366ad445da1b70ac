using System;
using System.Linq;
using RiskSdk.Gates;
using RiskSdk.Monitoring;
using RiskSdk.Positions;

namespace RiskSdk.Tests;

/// <summary>One identity rule for exchange names: the spellings of a name meet one set of limits; unusable names are refused.</summary>
public sealed class ExchangeNameTests
{
    public static TheoryData<string> SpellingsOfNse => new() { "NSE", "nse", "Nse", "NSE ", " NSE", "NSE\t", "\u00A0NSE\u3000", "\uFF2E\uFF33\uFF25", "\uFF4E\uFF53\uFF45" };

    public static TheoryData<string?> UnusableNames => new()
    {
        null,
        string.Empty,
        "   ",
        "\t\r\n",
        "\u3000",
        "N\u200BSE",
        "NSE\0",
        "\0NSE",
        "N\u0007SE",
        "NS\u00ADE",
        "N\u202ESE",
        "N\uFEFFSE",
        "N\u2028SE",
        "N\uFFFFSE",
        new string('X', ExchangeName.MaxLength + 1),
        new string('x', 1000),
    };

    [Theory]
    [MemberData(nameof(SpellingsOfNse))]
    public void Every_spelling_of_NSE_is_the_exchange_NSE(string spelling)
    {
        Assert.True(ExchangeName.TryParse(spelling, out var name));

        Assert.Equal("NSE", name.Value);
        Assert.Equal(ExchangeName.Parse("NSE"), name);
    }

    [Theory]
    [MemberData(nameof(UnusableNames))]
    public void Unusable_names_are_refused_with_a_reason_that_shows_the_hidden_character(string? text)
    {
        Assert.False(ExchangeName.TryParse(text, out var name, out var problem));

        Assert.True(name.IsEmpty);
        Assert.NotNull(problem);
        Assert.StartsWith("The exchange name", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', problem);
        var thrown = Assert.ThrowsAny<ArgumentException>(() => ExchangeName.Parse(text, "exchange"));
        Assert.Equal("exchange", thrown.ParamName);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_as_invalid_Unicode()
    {
        Assert.False(ExchangeName.TryParse("N\uD800SE", out _, out var problem));
        Assert.Contains("not valid Unicode", problem, StringComparison.Ordinal);
        Assert.False(ExchangeName.TryParse("NSE\uDC00", out _));
    }

    [Fact]
    public void The_reasons_name_what_is_wrong()
    {
        Assert.Contains("U+200B", Problem("N\u200BSE"), StringComparison.Ordinal);
        Assert.Contains("\"N\\u200BSE\"", Problem("N\u200BSE"), StringComparison.Ordinal);
        Assert.Contains("control character U+0000", Problem("NSE\0"), StringComparison.Ordinal);
        Assert.Contains("33 characters; at most 32", Problem(new string('X', 33)), StringComparison.Ordinal);
        Assert.Contains("blank", Problem("   "), StringComparison.Ordinal);
        Assert.Contains("empty", Problem(string.Empty), StringComparison.Ordinal);

        static string Problem(string text) => ExchangeName.TryParse(text, out _, out var problem) ? "accepted" : problem!;
    }

    [Fact]
    public void A_name_of_exactly_the_maximum_length_and_inner_spaces_are_accepted()
    {
        Assert.True(ExchangeName.TryParse(new string('x', ExchangeName.MaxLength), out var longest));
        Assert.Equal(new string('X', ExchangeName.MaxLength), longest.Value);
        Assert.Equal("NSE FO", ExchangeName.Parse(" nse\u00A0fo ").Value);
    }

    [Fact]
    public void An_already_canonical_name_is_returned_as_the_same_string_without_allocating()
    {
        var text = "NSE-FO";
        Assert.True(ExchangeName.TryParse(text, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var accepted = ExchangeName.TryParse(text, out var name);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(accepted);
        Assert.Same(text, name.Value);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_rule_is_idempotent_over_every_character_of_the_basic_plane()
    {
        for (var c = 1; c < 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var text = "A" + (char)c + "B";
            if (ExchangeName.TryParse(text, out var name))
            {
                Assert.True(ExchangeName.TryParse(name.Value, out var again), $"U+{c:X4}: canonical {name.Value} refused");
                Assert.Equal(name, again);
            }
        }
    }

    [Fact]
    public void Equality_is_by_canonical_name()
    {
        var names = new[] { "bse", "BSE", " Bse " }.Select(ExchangeName.Parse).Distinct().ToList();

        Assert.Single(names);
        Assert.True(ExchangeName.Parse("bse") == ExchangeName.Parse("BSE"));
        Assert.True(ExchangeName.Parse("bse") != ExchangeName.Parse("NSE"));
        Assert.Equal("BSE", (string)names[0]);
        Assert.True(default(ExchangeName).IsEmpty);
    }
}
