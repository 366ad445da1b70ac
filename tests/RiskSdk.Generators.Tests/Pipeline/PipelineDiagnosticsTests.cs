using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using RiskSdk.Gates;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using RiskSdk.Positions;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>Each RISKGEN1xx diagnostic: reported on the offending gate or class, with a message that says what to do, and no pipeline generated for an error.</summary>
public sealed class PipelineDiagnosticsTests
{
    private static readonly string[] RuleSections = { "## What", "## Why", "## Fix", "## Example" };

    private const string Gates = """
        using System;
        using RiskSdk;
        using RiskSdk.Gates;

        namespace Demo;

        public sealed class FlatGate
        {
            public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Flat");
        }

        public sealed class ByValueGate
        {
            public GateVerdict Check(TradeIntent intent) => GateVerdict.Pass("ByValue");
        }

        public sealed class WrongReturnGate
        {
            public bool Check(in TradeIntent intent) => true;
        }

        public interface IGate
        {
            GateVerdict Check(in TradeIntent intent);
        }

        public sealed class HiddenConstructorGate
        {
            private HiddenConstructorGate() { }

            public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Hidden");
        }
        """;

    private static (GeneratorRun Result, Diagnostic Diagnostic, string Source) Single(string gates, string modifiers = "public partial")
    {
        var source = Gates + $$"""

            [GatePipeline({{gates}})]
            {{modifiers}} class Pipeline;
            """;
        var (result, _) = GeneratorHarness.Run(new GatePipelineGenerator(), source);
        return (result, Assert.Single(result.Diagnostics), source);
    }

    /// <summary>RISKGEN107 as a build reports it: the analyzer over the compilation, pragma-suppressed diagnostics left out.</summary>
    private static System.Collections.Immutable.ImmutableArray<Diagnostic> AnalyzeKillSwitchOrder(string source) =>
        new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers(
                GeneratorHarness.Compile(source),
                System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new KillSwitchOrderAnalyzer()),
                new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>The text a diagnostic points at in its source.</summary>
    private static string Squiggled(string source, Diagnostic diagnostic) => source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);

    private static void AssertError(GeneratorRun result, Diagnostic diagnostic, string id)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.EndsWith("docs/rules/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void RISKGEN101_a_pipeline_without_a_position_limit_gate()
    {
        var (result, diagnostic, source) = Single("typeof(KillSwitchGate), typeof(FlatGate)");

        AssertError(result, diagnostic, "RISKGEN101");
        Assert.Equal("Pipeline", Squiggled(source, diagnostic));
        Assert.Contains("lists no PositionLimitGate", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_that_lists_no_gates_runs_the_standard_gates_in_their_order()
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), "using RiskSdk;\n[GatePipeline] public partial class StandardPipeline;");

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics());
        var text = Assert.Single(GeneratorHarness.GeneratedSources(result)).Text;
        var standard = typeof(StandardGates).GetCustomAttribute<GatePipelineAttribute>()!.Gates;
        Assert.Equal(9, standard.Length);
        var positions = standard.Select(gate => text.IndexOf("readonly global::" + gate.FullName + " ", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void RISKGEN102_the_reserving_gate_before_a_check()
    {
        var (result, diagnostic, source) = Single("typeof(KillSwitchGate), typeof(PositionLimitGate), typeof(FlatGate)");

        AssertError(result, diagnostic, "RISKGEN102");
        Assert.Equal("typeof(PositionLimitGate)", Squiggled(source, diagnostic));
        Assert.Contains("gate 2 of 3", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN103_the_same_gate_twice()
    {
        var (result, diagnostic, source) = Single("typeof(KillSwitchGate), typeof(FlatGate), typeof(FlatGate), typeof(PositionLimitGate)");

        AssertError(result, diagnostic, "RISKGEN103");
        Assert.Equal("typeof(FlatGate)", Squiggled(source, diagnostic));
        Assert.Equal(source.LastIndexOf("typeof(FlatGate)", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Contains("'FlatGate' is listed twice", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("gates 2 and 3", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ByValueGate", "it has no such method")]
    [InlineData("WrongReturnGate", "it has no such method")]
    [InlineData("IGate", "interface or abstract class")]
    [InlineData("string", "it has no such method")]
    [InlineData("int[]", "it is not a class or struct")]
    [InlineData("void", "it is not a class or struct")]
    public void RISKGEN104_a_gate_without_a_usable_check_method(string gate, string why)
    {
        var (result, diagnostic, source) = Single($"typeof(KillSwitchGate), typeof({gate}), typeof(PositionLimitGate)");

        AssertError(result, diagnostic, "RISKGEN104");
        Assert.Equal($"typeof({gate})", Squiggled(source, diagnostic));
        Assert.Contains(why, Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("'GateVerdict Check(in TradeIntent intent)', instance or static", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN104_an_open_generic_gate()
    {
        var source = """
            using RiskSdk;
            using RiskSdk.Gates;
            public sealed class GenericGate<T> { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("G"); }
            [GatePipeline(typeof(GenericGate<>), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """;
        var (result, _) = GeneratorHarness.Run(new GatePipelineGenerator(), source);

        var diagnostic = Assert.Single(result.Diagnostics);
        AssertError(result, diagnostic, "RISKGEN104");
        Assert.Contains("open generic", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN105_a_gate_the_pipeline_can_neither_create_nor_be_given()
    {
        var (result, diagnostic, source) = Single("typeof(KillSwitchGate), typeof(HiddenConstructorGate), typeof(PositionLimitGate)");

        AssertError(result, diagnostic, "RISKGEN105");
        Assert.Equal("typeof(HiddenConstructorGate)", Squiggled(source, diagnostic));
        Assert.Contains("no constructor accessible from the pipeline", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("RiskContext, RiskSettings, IPositionBook, TimeProvider or ILogger", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public", "is not declared partial")]
    [InlineData("public static partial", "is static")]
    public void RISKGEN106_a_pipeline_class_that_cannot_take_the_generated_part(string modifiers, string problem)
    {
        var (result, diagnostic, source) = Single("typeof(KillSwitchGate), typeof(PositionLimitGate)", modifiers);

        AssertError(result, diagnostic, "RISKGEN106");
        Assert.Equal("Pipeline", Squiggled(source, diagnostic));
        Assert.Contains(problem, Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN106_a_pipeline_class_with_a_primary_constructor()
    {
        var source = """
            using RiskSdk;
            using RiskSdk.Gates;
            [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
            public sealed partial class Pipeline;
            public sealed partial class Pipeline(RiskContext context);
            """;
        var (result, _) = GeneratorHarness.Run(new GatePipelineGenerator(), source);

        var diagnostic = Assert.Single(result.Diagnostics);
        AssertError(result, diagnostic, "RISKGEN106");
        Assert.Contains("'Pipeline' declares a primary constructor", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN106_a_containing_type_that_is_not_partial()
    {
        var source = """
            using RiskSdk;
            using RiskSdk.Gates;
            public class Host
            {
                [GatePipeline(typeof(PositionLimitGate))]
                public partial class Pipeline;
            }
            """;
        var (result, _) = GeneratorHarness.Run(new GatePipelineGenerator(), source);

        var diagnostic = Assert.Single(result.Diagnostics);
        AssertError(result, diagnostic, "RISKGEN106");
        Assert.Contains("'Host' contains it and is not declared partial", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void RISKGEN107_the_kill_switch_after_another_gate_warns_from_the_analyzer_and_the_pipeline_is_still_generated()
    {
        var source = Gates + """

            [GatePipeline(typeof(FlatGate), typeof(KillSwitchGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """;

        var diagnostic = Assert.Single(AnalyzeKillSwitchOrder(source));
        var (result, _) = GeneratorHarness.Run(new GatePipelineGenerator(), source);

        Assert.Equal("RISKGEN107", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Equal("typeof(KillSwitchGate)", Squiggled(source, diagnostic));
        Assert.Contains("gate 2 of 3", Message(diagnostic), StringComparison.Ordinal);
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.GeneratedTrees);
    }

    [Fact]
    public void RISKGEN107_is_silenced_by_pragma_as_its_rule_page_says()
    {
        var source = Gates + """

            #pragma warning disable RISKGEN107 // the confidence gate first, on purpose
            [GatePipeline(typeof(FlatGate), typeof(KillSwitchGate), typeof(PositionLimitGate))]
            #pragma warning restore RISKGEN107
            public partial class Pipeline;
            """;

        Assert.Empty(AnalyzeKillSwitchOrder(source));
    }

    [Theory]
    [InlineData("typeof(KillSwitchGate), typeof(FlatGate), typeof(PositionLimitGate)")]
    [InlineData("typeof(FlatGate), typeof(PositionLimitGate)")]
    public void RISKGEN107_is_quiet_when_the_kill_switch_is_first_or_absent(string gates)
    {
        Assert.Empty(AnalyzeKillSwitchOrder(Gates + $$"""

            [GatePipeline({{gates}})]
            public partial class Pipeline;
            """));
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var (result, _) = GeneratorHarness.Run(new GatePipelineGenerator(), Gates + """

            [GatePipeline(typeof(FlatGate), typeof(KillSwitchGate), typeof(ByValueGate), typeof(FlatGate))]
            public partial class Pipeline;
            """);

        Assert.Equal("RISKGEN101 RISKGEN103 RISKGEN104", string.Join(" ", result.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal)));
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void A_gate_type_that_does_not_bind_yet_is_left_to_the_compiler()
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), """
            using RiskSdk;
            using RiskSdk.Gates;
            [GatePipeline(typeof(NoSuchGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedTrees);
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS0246");
    }

    [Fact]
    public void The_attribute_on_two_parts_of_a_class_is_left_to_the_compiler_without_crashing()
    {
        var (result, output) = GeneratorHarness.Run(
            new GatePipelineGenerator(),
            """
            using RiskSdk;
            using RiskSdk.Gates;
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Pipeline;
            """,
            """
            using RiskSdk;
            using RiskSdk.Gates;
            [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.GeneratedTrees);
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS0579");
    }

    [Fact]
    public void Every_descriptor_has_a_rule_page_and_a_release_row()
    {
        var descriptors = typeof(DiagnosticDescriptors).GetFields()
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .Where(d => d.Category == DiagnosticDescriptors.PipelineCategory)
            .ToList();
        var releases = System.IO.File.ReadAllText(System.IO.Path.Combine(RiskSdk.Testing.RepositoryRoot.Path, "generators/RiskSdk.Generators/AnalyzerReleases.Unshipped.md"));

        Assert.Equal(9, descriptors.Count);
        foreach (var descriptor in descriptors)
        {
            var page = System.IO.Path.Combine(RiskSdk.Testing.RepositoryRoot.Path, "docs/rules", descriptor.Id + ".md");
            Assert.True(System.IO.File.Exists(page), "Missing " + page);
            var text = System.IO.File.ReadAllText(page);
            foreach (var section in RuleSections)
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }

            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases, StringComparison.Ordinal);
        }
    }
}
