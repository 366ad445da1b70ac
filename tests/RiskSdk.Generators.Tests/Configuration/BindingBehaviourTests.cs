using System;
using System.Collections.Generic;
using System.Linq;
using RiskSdk.Configuration;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>Runs the code the generator wrote into this assembly: defaults, parsing, problems, masking, profiles, sources.</summary>
public sealed class BindingBehaviourTests
{
    private static ConfigurationResult<EveryTypeSettings> BindEveryType(params (string Name, string? Value)[] variables) =>
        EveryTypeSettings.Bind(variables.ToDictionary(v => v.Name, v => v.Value));

    private static ConfigurationResult<TrackerSettings> BindTracker(params (string Name, string? Value)[] variables) =>
        TrackerSettings.Bind(variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Unset_variables_give_the_property_initializers()
    {
        var result = BindEveryType();

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var settings = result.Settings;
        Assert.False(settings.Flag);
        Assert.Equal(5, settings.Count);
        Assert.Equal(10L, settings.Big);
        Assert.Equal(0.5, settings.Ratio);
        Assert.Equal(1.25m, settings.Price);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Delay);
        Assert.Equal(RiskProfile.Moderate, settings.Profile);
        Assert.Equal("default", settings.Name);
        Assert.Null(settings.OptionalCount);
        Assert.Null(settings.Token);
        Assert.All(settings.BoundVariables, b => Assert.Equal(ValueSource.Default, b.Source));
    }

    [Fact]
    public void Every_supported_type_is_parsed_in_the_invariant_culture()
    {
        var result = BindEveryType(
            ("TEST_FLAG", "Yes"),
            ("TEST_COUNT", " 1000 "),
            ("TEST_BIG", "-9000000000"),
            ("TEST_RATIO", "1e-1"),
            ("TEST_PRICE", "19.99"),
            ("TEST_DELAY", "1.5"),
            ("TEST_PROFILE", "AGGRESSIVE"),
            ("TEST_NAME", "tape 7"),
            ("TEST_OPTIONAL_COUNT", "3"),
            ("TEST_OPTIONAL_DELAY", "0"),
            ("TEST_API_TOKEN", "s3cret"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var settings = result.Settings;
        Assert.True(settings.Flag);
        Assert.Equal(1000, settings.Count);
        Assert.Equal(-9_000_000_000L, settings.Big);
        Assert.Equal(0.1, settings.Ratio);
        Assert.Equal(19.99m, settings.Price);
        Assert.Equal(TimeSpan.FromSeconds(1.5), settings.Delay);
        Assert.Equal(RiskProfile.Aggressive, settings.Profile);
        Assert.Equal("tape 7", settings.Name);
        Assert.Equal(3, settings.OptionalCount);
        Assert.Equal(TimeSpan.Zero, settings.OptionalDelay);
        Assert.Equal("s3cret", settings.Token);
        Assert.All(settings.BoundVariables, b => Assert.Equal(ValueSource.Environment, b.Source));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("No", false)]
    public void Booleans_accept_true_false_one_zero_yes_no_in_any_case(string text, bool expected)
    {
        var result = BindEveryType(("TEST_FLAG", text));

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Settings.Flag);
    }

    [Fact]
    public void The_tracker_set_binds_the_seed_defaults_and_maps_to_risk_settings()
    {
        var result = BindTracker();

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new RiskSettings(), result.Settings.ToRiskSettings());
        Assert.Equal(RiskLedgerKind.Memory, result.Settings.Ledger);
        Assert.Null(result.Settings.RiskProfile);
    }
}
