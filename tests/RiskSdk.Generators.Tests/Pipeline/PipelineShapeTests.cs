using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>Pipeline shapes that broke inside generated code: each is generated correctly or refused at the user's code.</summary>
public sealed class PipelineShapeTests
{
    private const string Usings = "using RiskSdk;\nusing RiskSdk.Gates;\nnamespace Demo;\n";

    [Theory]
    [InlineData("public TradingPipeline(RiskContext context) { }", "declares the constructor the generated part adds (RiskContext)")]
    [InlineData("private readonly RiskContext _context = null!;", "declares '_context', a member the generated part adds")]
    [InlineData("public void Explain() { }", "declares 'Explain', a member the generated part adds")]
    [InlineData("private readonly int _killSwitch;", "declares '_killSwitch', a member the generated part adds")]
    [InlineData("private void Decide() { }", "declares 'Decide', a member the generated part adds")]
    [InlineData("private void DecideScreened() { }", "declares 'DecideScreened', a member the generated part adds")]
    public void A_member_the_generated_part_would_declare_again_is_RISKGEN106(string member, string expected)
    {
        var (run, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + "[GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))] public partial class TradingPipeline { " + member + " }");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("RISKGEN106", diagnostic.Id);
        Assert.Contains(expected, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedTrees);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }

    [Fact]
    public void A_documented_pipeline_keeps_its_one_summary()
    {
        const string Declaration = "[GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))] public partial class {0};";
        var documented = Generated("/// <summary>Ours.</summary>\n" + string.Format(CultureInfo.InvariantCulture, Declaration, "Documented"));
        var undocumented = Generated(string.Format(CultureInfo.InvariantCulture, Declaration, "Undocumented"));

        Assert.DoesNotContain("generated from its <c>[GatePipeline]</c> attribute", documented, StringComparison.Ordinal);
        Assert.Contains("generated from its <c>[GatePipeline]</c> attribute", undocumented, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Check_method_internal_to_another_assembly_is_called_inaccessible_not_missing()
    {
        var gates = CSharpCompilation.Create(
            "OtherGates",
            new[] { CSharpSyntaxTree.ParseText("namespace Other; public sealed class HiddenGate { internal RiskSdk.Gates.GateVerdict Check(in RiskSdk.TradeIntent intent) => RiskSdk.Gates.GateVerdict.Pass(\"Hidden\"); }") },
            GeneratorHarness.Compile().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(gates.Emit(image).Success);
        var app = GeneratorHarness.Compile(Usings + "[GatePipeline(typeof(Other.HiddenGate), typeof(PositionLimitGate))] public partial class TradingPipeline;")
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));

        var diagnostic = Assert.Single(GeneratorHarness.Analyze(app, new GatePipelineAnalyzer()));

        Assert.Equal("RISKGEN104", diagnostic.Id);
        Assert.Contains("a Check method internal to 'OtherGates' is inaccessible here; make it public", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("private", "its Check method is private, so the pipeline cannot call it")]
    [InlineData("protected", "its Check method is protected, so the pipeline cannot call it")]
    public void A_Check_method_the_pipeline_cannot_reach_is_called_inaccessible(string accessibility, string expected)
    {
        var (run, _) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + "public class HiddenGate { " + accessibility + " GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(\"Hidden\"); } [GatePipeline(typeof(HiddenGate), typeof(PositionLimitGate))] public partial class TradingPipeline;");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("RISKGEN104", diagnostic.Id);
        Assert.Contains(expected, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_local_gate_is_RISKGEN104_not_an_error_in_the_generated_file()
    {
        var (run, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + "file sealed class LocalGate { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(\"Local\"); } [GatePipeline(typeof(LocalGate), typeof(PositionLimitGate))] public partial class TradingPipeline;");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("RISKGEN104", diagnostic.Id);
        Assert.Contains("it is file-local", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }

    private static string Generated(string source)
    {
        var (run, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + source);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
        return Assert.Single(GeneratorHarness.GeneratedSources(run)).Text;
    }
}
