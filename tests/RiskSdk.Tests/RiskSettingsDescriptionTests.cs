using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RiskSdk.Configuration;

namespace RiskSdk.Tests;

/// <summary>RiskSettings describes each standard setting once; the runtime applies that description to values set in code.</summary>
public sealed class RiskSettingsDescriptionTests
{
    [Fact]
    public void Each_setting_has_one_description_and_the_IntelliSense_summary_says_the_same()
    {
        var documentation = XDocument.Load(Path.ChangeExtension(typeof(RiskSettings).Assembly.Location, ".xml"));
        var settings = typeof(RiskSettings).GetProperties().Where(p => p.GetCustomAttribute<EnvironmentVariableAttribute>() is not null).ToList();

        Assert.NotEmpty(settings);
        foreach (var property in settings)
        {
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
            Assert.False(string.IsNullOrWhiteSpace(description), property.Name + " has no [Description]");
            var member = documentation.Descendants("member").Single(m => (string?)m.Attribute("name") == "P:RiskSdk.RiskSettings." + property.Name);
            Assert.Equal(description, Regex.Replace(member.Element("summary")!.Value, @"\s+", " ").Trim());
        }
    }

    [Theory]
    [InlineData(RiskProfile.Conservative, 1, 2, 0.95, 600, 60)]
    [InlineData(RiskProfile.Moderate, 2, 3, 0.95, 300, 30)]
    [InlineData(RiskProfile.Aggressive, 3, 5, 0.90, 180, 30)]
    public void A_profile_takes_its_values_from_the_profile_value_attributes(RiskProfile profile, int cap, int highCap, double threshold, int cooldown, int signalCooldown)
    {
        var settings = RiskSettings.ForProfile(profile);

        Assert.Equal(
            (profile, cap, highCap, threshold, TimeSpan.FromSeconds(cooldown), TimeSpan.FromSeconds(signalCooldown)),
            (settings.RiskProfile!.Value, settings.MaxOpenPositions, settings.MaxOpenPositionsHighConfidence, settings.HighConfidenceThreshold, settings.CooldownWithPositions, settings.SignalCooldown));
        Assert.Equal(new RiskSettings() with { RiskProfile = profile, MaxOpenPositions = cap, MaxOpenPositionsHighConfidence = highCap, HighConfidenceThreshold = threshold, CooldownWithPositions = TimeSpan.FromSeconds(cooldown), SignalCooldown = TimeSpan.FromSeconds(signalCooldown) }, settings);
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskSettings.ForProfile((RiskProfile)7));
    }

    [Fact]
    public void Paper_mode_is_on_until_the_app_turns_it_off()
    {
        Assert.True(new RiskSettings().PaperMode);
    }

    [Fact]
    public void A_sub_tick_reservation_timeout_set_in_code_is_a_problem_naming_its_variable()
    {
        var problem = Assert.Single(new RiskSettings { ReservationTimeout = TimeSpan.FromSeconds(0.00000004) }.Validate());

        Assert.Equal(("ReservationTimeout", "AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS", "0", ProblemKind.OutOfRange), (problem.Setting, problem.VariableName, problem.Value, problem.Kind));
        Assert.Equal("a number of seconds greater than 0 and at most 3600", problem.Expected);
    }

    [Theory]
    [InlineData(nameof(RiskSettings.MaxLotsPerOrder), 10_001)]
    [InlineData(nameof(RiskSettings.MaxOpenPositions), 1001)]
    [InlineData(nameof(RiskSettings.CooldownWithPositions), 86_401)]
    [InlineData(nameof(RiskSettings.ReservationTimeout), 3601)]
    [InlineData(nameof(RiskSettings.MaxNetDelta), double.PositiveInfinity)]
    [InlineData(nameof(RiskSettings.SessionDrawdownStop), 0)]
    public void Limits_once_checked_only_for_the_environment_hold_for_values_set_in_code(string setting, double value)
    {
        var property = typeof(RiskSettings).GetProperty(setting)!;
        var settings = new RiskSettings { MaxOpenPositionsHighConfidence = 1000 };
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        property.SetValue(settings, type == typeof(TimeSpan) ? TimeSpan.FromSeconds(value) : type == typeof(int) ? (object)(int)value : value);

        Assert.Equal(setting, Assert.Single(settings.Validate()).Setting);
    }

    [Fact]
    public void The_redis_ledger_needs_its_connection_and_printing_never_shows_it()
    {
        var missing = Assert.Single(new RiskSettings { Ledger = RiskLedgerKind.Redis }.Validate());
        var settings = new RiskSettings { Ledger = RiskLedgerKind.Redis, LedgerConnection = "redis.internal:6379,password=hunter2" };

        Assert.Equal((nameof(RiskSettings.LedgerConnection), ProblemKind.Missing), (missing.Setting, missing.Kind));
        Assert.Empty(settings.Validate());
        Assert.Contains("LedgerConnection = ***", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", settings.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("RiskSettings { RiskProfile = null, AutoExecEnabled = true, PaperMode = true, Exchanges = null, MinConfidence = 0.7,", settings.ToString(), StringComparison.Ordinal);
    }
}
