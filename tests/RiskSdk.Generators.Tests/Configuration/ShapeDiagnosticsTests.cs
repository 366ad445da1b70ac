using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>Shapes the generator cannot bind: each is a RISKGEN diagnostic at the user's code, never an error inside a generated file.</summary>
public sealed class ShapeDiagnosticsTests
{
    private const string Usings = "using System;\nusing System.ComponentModel.DataAnnotations;\nusing RiskSdk;\nusing RiskSdk.Configuration;\nnamespace Demo;\n";

    private static (Diagnostic Diagnostic, string Squiggled, GeneratorRun Run, Compilation Output) Single(params string[] sources)
    {
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), sources.Select(s => Usings + s).ToArray());
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.True(diagnostic.Location.IsInSource, diagnostic.ToString());
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        return (diagnostic, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan), run, output);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void A_range_on_a_get_only_property_is_RISKGEN011()
    {
        var (diagnostic, squiggled, run, _) = Single("[EnvironmentSettings(\"APP_\")] public partial class S { [Range(1, 65535)] public int Port { get; } = 8080; }");

        Assert.Equal(("RISKGEN011", "Port"), (diagnostic.Id, squiggled));
        Assert.Contains("it has no setter", Message(diagnostic), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void A_base_property_the_class_cannot_set_is_RISKGEN011_when_it_asks_to_be_bound()
    {
        var (diagnostic, squiggled, _, _) = Single("public class B { [Range(1, 9)] public int Cap { get; private init; } = 2; } [EnvironmentSettings(\"APP_\")] public partial class S : B;");

        Assert.Equal(("RISKGEN011", "Cap"), (diagnostic.Id, squiggled));
        Assert.Contains("its setter is not accessible from 'S'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Variables")]
    [InlineData("BoundVariables")]
    [InlineData("Bind")]
    public void A_property_named_like_a_generated_member_is_RISKGEN011(string name)
    {
        var (diagnostic, squiggled, _, _) = Single("[EnvironmentSettings(\"APP_\")] public partial class S { public int " + name + " { get; init; } }");

        Assert.Equal(("RISKGEN011", name), (diagnostic.Id, squiggled));
    }

    [Fact]
    public void A_range_of_another_type_is_RISKGEN011()
    {
        var (diagnostic, _, _, _) = Single("[EnvironmentSettings(\"APP_\")] public partial class S { [Range(typeof(TimeSpan), \"00:00:01\", \"00:00:09\")] public int Count { get; init; } = 2; }");

        Assert.Equal("RISKGEN011", diagnostic.Id);
        Assert.Contains("which is not the setting's type", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstract_settings_class_is_RISKGEN007()
    {
        var (diagnostic, squiggled, _, _) = Single("[EnvironmentSettings(\"APP_\")] public abstract partial class S { public int Count { get; init; } }");

        Assert.Equal(("RISKGEN007", "S"), (diagnostic.Id, squiggled));
        Assert.StartsWith("'S' is abstract;", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"redis\"", "is of type global::RiskSdk.Configuration.RiskLedgerKind, but the value is of type string")]
    [InlineData("1", "is of type global::RiskSdk.Configuration.RiskLedgerKind, but the value is of type int")]
    public void A_RequiredWhen_value_of_the_wrong_type_is_RISKGEN006(string value, string expected)
    {
        var (diagnostic, squiggled, _, _) = Single("[EnvironmentSettings(\"APP_\")] public partial class S { public RiskLedgerKind Ledger { get; init; } [RequiredWhen(nameof(Ledger), " + value + ")] public string? Connection { get; init; } }");

        Assert.Equal(("RISKGEN006", "Connection"), (diagnostic.Id, squiggled));
        Assert.Contains(expected, Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void Redeclaring_a_standard_setting_is_RISKGEN008_not_CS0102()
    {
        var (diagnostic, squiggled, run, _) = Single("[EnvironmentSettings(\"APP_\"), AutoExecSettings] public partial class S { public int MaxOpenPositions { get; init; } = 5; }");

        Assert.Equal(("RISKGEN008", "MaxOpenPositions"), (diagnostic.Id, squiggled));
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void RISKGEN005_sees_a_property_in_the_second_file_of_a_partial_class()
    {
        var (diagnostic, squiggled, _, _) = Single(
            "[EnvironmentSettings(\"APP_\")] public partial class S { public int A { get; init; } = 1; }",
            "public partial class S { [Range(1, 10)] public int B { get; init; } = 11; }");

        Assert.Equal(("RISKGEN005", "B"), (diagnostic.Id, squiggled));
        Assert.Equal("Source1.cs", diagnostic.Location.SourceTree!.FilePath);
    }

    [Fact]
    public void RISKGEN005_leaves_a_default_set_by_the_constructor_to_the_constructor()
    {
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), Usings + "[EnvironmentSettings(\"APP_\")] public partial class S { public S() { Lots = 2; } [Range(1, 10)] public int Lots { get; init; } }");

        Assert.Empty(run.Diagnostics);
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }
}
