using System.Linq;
using Microsoft.CodeAnalysis;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>Each RISKGEN0xx diagnostic: reported where it belongs, with a message that names the problem, and nothing for valid code.</summary>
public sealed class ConfigurationDiagnosticsTests
{
    private static Diagnostic SingleDiagnostic(string body, string classModifiers = "public partial")
    {
        var source = $$"""
            using System;
            using System.ComponentModel.DataAnnotations;
            using RiskSdk;
            using RiskSdk.Configuration;

            namespace Demo;

            [EnvironmentSettings("APP_")]
            {{classModifiers}} class Settings
            {
            {{body}}
            }
            """;
        var (result, _) = GeneratorHarness.Run(new ConfigurationGenerator(), source);
        return Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void RISKGEN001_a_class_that_is_not_partial()
    {
        var diagnostic = SingleDiagnostic("public int Count { get; init; }", classModifiers: "public");

        Assert.Equal("RISKGEN001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'Settings' is not declared partial", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.EndsWith("docs/rules/RISKGEN001.md", diagnostic.Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN001_a_containing_type_that_is_not_partial()
    {
        var source = """
            using RiskSdk;
            using RiskSdk.Configuration;
            public class Host
            {
                [EnvironmentSettings("APP_")]
                public partial class Settings { public int Count { get; init; } }
            }
            """;
        var (result, _) = GeneratorHarness.Run(new ConfigurationGenerator(), source);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RISKGEN001", diagnostic.Id);
        Assert.Contains("'Host' is not declared partial", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void RISKGEN002_two_properties_reading_the_same_variable()
    {
        var diagnostic = SingleDiagnostic("""
                public int MaxOpenPositions { get; init; } = 2;
                [EnvironmentVariable("MAX_OPEN_POSITIONS")] public int Cap { get; init; } = 2;
            """);

        Assert.Equal("RISKGEN002", diagnostic.Id);
        Assert.Equal("Properties 'MaxOpenPositions' and 'Cap' both read 'APP_MAX_OPEN_POSITIONS'; give one of them another [EnvironmentVariable] name", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("max-open")]
    [InlineData("MaxOpen")]
    [InlineData("MAX OPEN")]
    [InlineData("")]
    public void RISKGEN003_a_variable_name_outside_upper_letters_digits_and_underscore(string name)
    {
        var diagnostic = SingleDiagnostic($$"""    [EnvironmentVariable("{{name}}")] public int Count { get; init; }""");

        Assert.Equal("RISKGEN003", diagnostic.Id);
        Assert.Equal($"'{name}' is not a valid variable name for 'Count': use only A-Z, 0-9 and _", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RISKGEN012_a_variable_name_that_repeats_the_prefix_is_a_warning_and_the_class_is_generated()
    {
        var source = """
            using RiskSdk;
            using RiskSdk.Configuration;
            namespace Demo;
            [EnvironmentSettings("APP_")]
            public partial class Settings
            {
                [EnvironmentVariable("APP_MAX_LOTS")] public int MaxLots { get; init; } = 4;
                [EnvironmentVariable("APPLE")] public int Apples { get; init; }
                public int AppCount { get; init; }
            }
            """;
        var (result, output) = GeneratorHarness.Run(new ConfigurationGenerator(), source);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("RISKGEN012", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(
            "The variable name 'APP_MAX_LOTS' of 'MaxLots' starts with the prefix 'APP_', so 'MaxLots' is read from 'APP_APP_MAX_LOTS'; give the name without the prefix ('MAX_LOTS')",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("MaxLots", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Single(result.GeneratedTrees);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }

    [Fact]
    public void RISKGEN003_an_invalid_prefix()
    {
        var source = """
            using RiskSdk;
            using RiskSdk.Configuration;
            [EnvironmentSettings("oi-tracker.")]
            public partial class Settings { public int Count { get; init; } }
            """;
        var (result, _) = GeneratorHarness.Run(new ConfigurationGenerator(), source);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RISKGEN003", diagnostic.Id);
        Assert.Equal("'oi-tracker.' is not a valid variable prefix: use only A-Z, 0-9 and _", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("System.Uri")]
    [InlineData("float")]
    [InlineData("int[]")]
    [InlineData("System.Collections.Generic.List<int>")]
    public void RISKGEN004_an_unsupported_property_type(string type)
    {
        var diagnostic = SingleDiagnostic($$"""    public {{type}}? Value { get; init; }""");

        Assert.Equal("RISKGEN004", diagnostic.Id);
        Assert.StartsWith("'Value' has type", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Range(0, 10)] public int Count { get; init; } = 11;", "11", ">= 0 and <= 10")]
    [InlineData("[Range(1, 10)] public int Count { get; init; }", "0", ">= 1 and <= 10")]
    [InlineData("[Range(0.0, 1.0)] public double Ratio { get; init; } = 1.5;", "1.5", ">= 0 and <= 1")]
    [InlineData("[Range(0, 60)] public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(300);", "300", ">= 0 and <= 60")]
    [InlineData("[Range(0.0, 1.0, MinimumIsExclusive = true)] public double Ratio { get; init; } = 0;", "0", "> 0 and <= 1")]
    [InlineData("[Range(0, 10)] public int Count { get; init; } = -5;", "-5", ">= 0 and <= 10")]
    [InlineData("[Range(0, 10)] public int Count { get; init; } = -2147483648;", "-2147483648", ">= 0 and <= 10")]
    [InlineData("[Range(0, 10)] public long Count { get; init; } = 11L;", "11", ">= 0 and <= 10")]
    [InlineData("[Range(0.0, 1.0)] public double Ratio { get; init; } = -0.25;", "-0.25", ">= 0 and <= 1")]
    [InlineData("[Range(0.0, 1.0)] public decimal Ratio { get; init; } = 1.5m;", "1.5", ">= 0 and <= 1")]
    [InlineData("[Range(0, 60)] public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(-1);", "-1", ">= 0 and <= 60")]
    [InlineData("private const int Limit = 20; [Range(0, 10)] public int Count { get; init; } = Limit;", "20", ">= 0 and <= 10")]
    [InlineData("[Range(0, 60)] public TimeSpan Delay { get; init; } = TimeSpan.FromMinutes(5);", "300", ">= 0 and <= 60")]
    [InlineData("[Range(0, 60)] public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(61000);", "61", ">= 0 and <= 60")]
    [InlineData("[Range(0, 3600)] public TimeSpan Delay { get; init; } = TimeSpan.FromDays(2);", "172800", ">= 0 and <= 3600")]
    [InlineData("[Range(0, 60)] public TimeSpan Delay { get; init; } = new TimeSpan(0, 5, 0);", "300", ">= 0 and <= 60")]
    [InlineData("[Range(0, 60)] public TimeSpan Delay { get; init; } = new(1, 0, 0, 0);", "86400", ">= 0 and <= 60")]
    [InlineData("[Range(1, 60)] public TimeSpan? Delay { get; init; } = TimeSpan.Zero;", "0", ">= 1 and <= 60")]
    [InlineData("[Range(0, 10)] public int Count { get; init; } = (11);", "11", ">= 0 and <= 10")]
    public void RISKGEN005_a_default_outside_its_declared_range(string property, string value, string range)
    {
        var diagnostic = SingleDiagnostic("    " + property);

        Assert.Equal("RISKGEN005", diagnostic.Id);
        Assert.Contains($"The default {value} of", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.EndsWith($"is outside its declared range ({range})", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN005_is_not_reported_for_a_required_property_or_a_default_inside_the_range()
    {
        var source = """
            using System;
            using System.ComponentModel.DataAnnotations;
            using RiskSdk;
            using RiskSdk.Configuration;
            [EnvironmentSettings("APP_")]
            public partial class Settings
            {
                [Range(1, 10), Required] public int Count { get; init; }
                [Range(0, 10)] public int Other { get; init; } = 10;
                [Range(0, 600)] public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(600);
            }
            """;
        var (result, output) = GeneratorHarness.Run(new ConfigurationGenerator(), source);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }

    [Theory]
    [InlineData("[AtLeast(\"Missing\")] public int Cap { get; init; }", "[AtLeast(\"Missing\")] on 'Cap' names 'Missing', which is not a bound setting of this class")]
    [InlineData("[AtMost(\"Name\")] public int Cap { get; init; }", "[AtMost(\"Name\")] on 'Cap' names 'Name', which is not a number or duration of the same type")]
    [InlineData("[RequiredWhen(\"Nope\", true)] public string? Cap { get; init; }", "[RequiredWhen(\"Nope\")] on 'Cap' names 'Nope', which is not a bound setting of this class")]
    public void RISKGEN006_a_cross_field_rule_naming_a_member_that_is_not_a_matching_setting(string property, string message)
    {
        var diagnostic = SingleDiagnostic("    public string Name { get; init; } = \"x\";\n    " + property);

        Assert.Equal("RISKGEN006", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("public partial record Settings(int Count);")]
    [InlineData("public partial class Settings { public Settings(int count) => Count = count; public int Count { get; init; } }")]
    public void RISKGEN007_a_class_without_a_parameterless_constructor(string declaration)
    {
        var (result, _) = GeneratorHarness.Run(new ConfigurationGenerator(), "using RiskSdk;\nusing RiskSdk.Configuration;\n[EnvironmentSettings(\"APP_\")]\n" + declaration);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RISKGEN007", diagnostic.Id);
        Assert.Equal("'Settings' has no parameterless constructor; the generated Bind creates it with a parameterless constructor and sets the properties it reads", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void A_private_parameterless_constructor_is_enough()
    {
        var (result, output) = GeneratorHarness.Run(new ConfigurationGenerator(), """
            using RiskSdk;
            using RiskSdk.Configuration;
            [EnvironmentSettings("APP_")]
            public partial class Settings
            {
                private Settings() { }
                public int Count { get; init; } = 1;
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }

    [Fact]
    public void Get_only_and_static_properties_are_not_bound()
    {
        var (result, output) = GeneratorHarness.Run(new ConfigurationGenerator(), """
            using RiskSdk;
            using RiskSdk.Configuration;
            [EnvironmentSettings("APP_")]
            public partial class Settings
            {
                public int Count { get; init; } = 1;
                public int Twice => Count * 2;
                public static System.Uri Shared { get; set; } = new("http://localhost");
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        var text = GeneratorHarness.GeneratedSources(result).Single().Text;
        Assert.Contains("\"APP_COUNT\"", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("APP_TWICE", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("APP_SHARED", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_configuration_descriptor_has_a_rule_page_and_a_release_row()
    {
        var root = RiskSdk.Testing.RepositoryRoot.Path;
        var releases = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "generators/RiskSdk.Generators/AnalyzerReleases.Unshipped.md"));
        foreach (var id in new[] { "RISKGEN001", "RISKGEN002", "RISKGEN003", "RISKGEN004", "RISKGEN005", "RISKGEN006", "RISKGEN007" })
        {
            var page = System.IO.Path.Combine(root, "docs/rules", id + ".md");
            Assert.True(System.IO.File.Exists(page), $"{page} is missing");
            var text = System.IO.File.ReadAllText(page);
            foreach (var section in new[] { "## What", "## Why", "## Fix", "## Example" })
            {
                Assert.Contains(section, text, System.StringComparison.Ordinal);
            }

            Assert.Contains(id + " | RiskSdk.Configuration | Error", releases, System.StringComparison.Ordinal);
        }
    }
}
