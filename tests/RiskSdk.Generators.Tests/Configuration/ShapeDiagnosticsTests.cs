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

    [Theory]
    [InlineData("public int Validate { get; init; }", "Validate")]
    [InlineData("public int DescribeVariables { get; init; }", "DescribeVariables")]
    [InlineData("public int s_variables { get; init; }", "s_variables")]
    [InlineData("public DayOfWeek Day { get; init; } public int s_dayParser { get; init; }", "s_dayParser")]
    [InlineData("private static int s_variables;", "s_variables")]
    [InlineData("public int Variables => 1;", "Variables")]
    [InlineData("public static int Validate { get; set; }", "Validate")]
    [InlineData("public sealed class BoundVariables { }", "BoundVariables")]
    public void Any_member_named_like_a_generated_one_private_ones_included_is_RISKGEN011(string members, string name)
    {
        // These compiled into CS0102 inside the generated file, or into ambiguity errors at every use.
        var (diagnostic, squiggled, run, _) = Single("[EnvironmentSettings(\"APP_\")] public partial class S { " + members + " }");

        Assert.Equal(("RISKGEN011", name), (diagnostic.Id, squiggled));
        Assert.Contains("the generator adds a member of that name", Message(diagnostic), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void The_validation_hook_and_overloads_of_generated_methods_are_not_clashes()
    {
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), Usings + """
            [EnvironmentSettings("APP_")] public partial class S
            {
                public int Cap { get; init; }
                partial void Validate(SettingsValidation validation) { }
                public static int Bind(int x) => x;
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        Assert.Single(run.GeneratedTrees);
    }

    [Fact]
    public void An_enum_member_named_like_a_keyword_is_written_as_a_verbatim_identifier()
    {
        // 'global::Demo.Side.class' did not compile.
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), Usings + """
            public enum Side { @class, @int, Flat }
            [EnvironmentSettings("APP_")] public partial class S
            {
                public Side Side { get; init; } = Side.@int;
                [RequiredWhen(nameof(Side), Side.@class)] public string? Account { get; init; }
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        Assert.Contains("global::Demo.Side.@class, global::Demo.Side.@int, global::Demo.Side.Flat", GeneratorHarness.GeneratedSources(run).Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int Pin { get; init; } = 1234;")]
    [InlineData("bool Flag { get; init; }")]
    [InlineData("TimeSpan Wait { get; init; }")]
    [InlineData("int? Pin { get; init; }")]
    [InlineData("string Token { get; init; } = \"x\";")]
    public void A_secret_of_any_type_compiles_and_its_default_is_masked(string property)
    {
        // [Secret] on a non-nullable number compared it with null in the generated code (CS0037).
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), Usings + "[EnvironmentSettings(\"APP_\")] public partial class S { [Secret] public " + property + " }");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        Assert.Contains("\"***\"", GeneratorHarness.GeneratedSources(run).Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Range(0, 10)] public string? Name { get; init; }", "its [Range] applies to numbers and durations only, not to a string")]
    [InlineData("[Range(0, 1)] public bool Flag { get; init; }", "its [Range] applies to numbers and durations only, not to a boolean")]
    [InlineData("[Range(0, 2)] public DayOfWeek Day { get; init; }", "its [Range] applies to numbers and durations only, not to an enum")]
    [InlineData("[Range(10, 0), Required] public int? Cap { get; init; }", "its [Range] allows no value (minimum 10, maximum 0)")]
    [InlineData("[Range(5, 5, MinimumIsExclusive = true)] public int Cap { get; init; } = 5;", "its [Range] allows no value (minimum 5, maximum 5)")]
    [InlineData("[Range(double.NaN, 1.0)] public double Ratio { get; init; }", "its [Range] has a NaN bound")]
    public void A_range_that_cannot_be_enforced_is_RISKGEN011(string property, string why)
    {
        // Each was accepted silently: the range was never checked, or no value could pass it.
        var (diagnostic, _, run, _) = Single("[EnvironmentSettings(\"APP_\")] public partial class S { " + property + " }");

        Assert.Equal("RISKGEN011", diagnostic.Id);
        Assert.EndsWith(": " + why, Message(diagnostic), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void A_record_struct_gets_the_compilers_error_and_nothing_generated()
    {
        // The generator wrote members for it that did not compile (CS0452, CS8983) beside the compiler's CS0592.
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), Usings + "[EnvironmentSettings(\"APP_\")] public partial record struct S { public int Cap { get; init; } }");

        Assert.Empty(run.GeneratedTrees);
        Assert.Equal(new[] { "CS0592" }, GeneratorHarness.CompilationErrors(output).Select(d => d.Id));
    }

    [Theory]
    [InlineData("[ProfileValue(RiskProfile.Conservative, 1)] public int Cap { get; init; }", "its [ProfileValue] is never used: no setting of the class chooses a profile (add [AutoExecSettings], or a RiskProfile? property)")]
    [InlineData("public RiskProfile? Profile { get; init; } [ProfileValue(RiskProfile.Conservative, 1.5)] public int Cap { get; init; }", "its [ProfileValue(Conservative, 1.5)] is not a value of type int under a defined profile (profile values are numbers and durations)")]
    [InlineData("public RiskProfile? Profile { get; init; } [ProfileValue(RiskProfile.Conservative, 1)] public string? Name { get; init; }", "its [ProfileValue(Conservative, 1)] is not a value of type string? under a defined profile (profile values are numbers and durations)")]
    [InlineData("public RiskProfile? Profile { get; init; } [ProfileValue((RiskProfile)7, 1)] public int Cap { get; init; }", "its [ProfileValue(7, 1)] is not a value of type int under a defined profile (profile values are numbers and durations)")]
    [InlineData("public RiskProfile? Profile { get; init; } [Range(0, 10), ProfileValue(RiskProfile.Conservative, 99)] public int Cap { get; init; }", "its [ProfileValue(Conservative, 99)] is outside its declared range (>= 0 and <= 10)")]
    [InlineData("public RiskProfile? Profile { get; init; } [Range(0, 60), ProfileValue(RiskProfile.Aggressive, 600)] public TimeSpan Wait { get; init; }", "its [ProfileValue(Aggressive, 600)] is outside its declared range (>= 0 and <= 60)")]
    public void A_profile_value_that_would_be_dropped_or_break_the_range_is_RISKGEN011(string properties, string why)
    {
        // Each was generated without a word: the value silently unused, or used against the setting's own range.
        var (diagnostic, _, run, _) = Single("[EnvironmentSettings(\"APP_\")] public partial class S { " + properties + " }");

        Assert.Equal("RISKGEN011", diagnostic.Id);
        Assert.EndsWith(": " + why, Message(diagnostic), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void A_profile_value_of_an_auto_exec_class_uses_its_standard_profile_selector()
    {
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), Usings + "[EnvironmentSettings(\"APP_\"), AutoExecSettings] public partial class S { [Range(0, 10), ProfileValue(RiskSdk.RiskProfile.Conservative, 1)] public int Extra { get; init; } = 2; }");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        Assert.Contains("global::RiskSdk.RiskProfile.Conservative => 1, _ => defaults.Extra", GeneratorHarness.GeneratedSources(run).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_and_namespaces_named_like_keywords_are_written_as_verbatim_identifiers()
    {
        // 'partial class class' and 'namespace event.class' did not compile.
        var (run, output) = GeneratorHarness.Run(new ConfigurationGenerator(), """
            using RiskSdk;
            using RiskSdk.Configuration;
            namespace @event.@class;
            public partial class @int<@bool>
            {
                [EnvironmentSettings("APP_")]
                public partial class @class { public int @event { get; init; } = 1; }
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        var text = GeneratorHarness.GeneratedSources(run).Single().Text;
        Assert.Contains("namespace @event.@class", text, StringComparison.Ordinal);
        Assert.Contains("partial class @int<@bool>", text, StringComparison.Ordinal);
        Assert.Contains("partial class @class", text, StringComparison.Ordinal);
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
