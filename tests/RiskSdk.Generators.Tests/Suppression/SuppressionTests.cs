using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RiskSdk.Generators.Configuration;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Suppression;

/// <summary>
/// Every RISKGEN diagnostic that user code can trigger sits at a real source location, so each of the documented
/// suppressions works for it: <c>#pragma warning disable</c>, a per-file <c>.editorconfig</c> severity and a
/// <c>.globalconfig</c> severity; and each rule page says so.
/// </summary>
public sealed class SuppressionTests
{
    private const string Usings = "using System;\nusing System.ComponentModel.DataAnnotations;\nusing RiskSdk;\nusing RiskSdk.Configuration;\nusing RiskSdk.Gates;\nnamespace Demo;\n";

    private static readonly Dictionary<string, string> Triggers = new()
    {
        ["RISKGEN001"] = "[EnvironmentSettings(\"APP_\")] public class S { public int A { get; init; } }",
        ["RISKGEN002"] = "[EnvironmentSettings(\"APP_\")] public partial class S { public int A { get; init; } [EnvironmentVariable(\"A\")] public int B { get; init; } }",
        ["RISKGEN003"] = "[EnvironmentSettings(\"app_\")] public partial class S { public int A { get; init; } }",
        ["RISKGEN004"] = "[EnvironmentSettings(\"APP_\")] public partial class S { public object? A { get; init; } }",
        ["RISKGEN005"] = "[EnvironmentSettings(\"APP_\")] public partial class S { [Range(1, 10)] public int A { get; init; } }",
        ["RISKGEN006"] = "[EnvironmentSettings(\"APP_\")] public partial class S { [AtLeast(\"Nope\")] public int A { get; init; } }",
        ["RISKGEN007"] = "[EnvironmentSettings(\"APP_\")] public partial class S { public S(int a) { A = a; } public int A { get; init; } }",
        ["RISKGEN008"] = "[EnvironmentSettings(\"APP_\"), AutoExecSettings] public partial class S { public int MaxOpenPositions { get; init; } }",
        ["RISKGEN011"] = "[EnvironmentSettings(\"APP_\")] public partial class S { [Range(1, 10)] public int A { get; } = 2; }",
        ["RISKGEN010"] = "[EnvironmentSettings(\"APP_\")] file partial class S { public int A { get; init; } }",
        ["RISKGEN012"] = "[EnvironmentSettings(\"APP_\")] public partial class S { [EnvironmentVariable(\"APP_A\")] public int A { get; init; } }",
        ["RISKGEN101"] = "[GatePipeline(typeof(KillSwitchGate))] public partial class P;",
        ["RISKGEN102"] = "[GatePipeline(typeof(PositionLimitGate), typeof(MinimumConfidenceGate))] public partial class P;",
        ["RISKGEN103"] = "[GatePipeline(typeof(KillSwitchGate), typeof(KillSwitchGate), typeof(PositionLimitGate))] public partial class P;",
        ["RISKGEN104"] = "[GatePipeline(typeof(string), typeof(PositionLimitGate))] public partial class P;",
        ["RISKGEN105"] = "public sealed class G { private G() { } public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(\"G\"); } [GatePipeline(typeof(G), typeof(PositionLimitGate))] public partial class P;",
        ["RISKGEN106"] = "[GatePipeline(typeof(PositionLimitGate))] public class P;",
        ["RISKGEN107"] = "[GatePipeline(typeof(MinimumConfidenceGate), typeof(KillSwitchGate), typeof(PositionLimitGate))] public partial class P;",
        ["RISKGEN109"] = "[GatePipeline(typeof(KillSwitchGate), null, typeof(PositionLimitGate))] public partial class P;",
    };

    /// <summary>RISKGEN009 and RISKGEN108 report a failure inside a generator: no user code triggers them on purpose.</summary>
    private static readonly string[] Untriggerable = { "RISKGEN009", "RISKGEN108" };

    public static TheoryData<string> Ids() => new(Triggers.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_diagnostic_is_covered()
    {
        var ids = typeof(DiagnosticDescriptors).GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Select(d => d.Id);

        Assert.Equal(ids.Order(StringComparer.Ordinal), Triggers.Keys.Concat(Untriggerable).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Reported_in_user_code(string id)
    {
        var diagnostic = Assert.Single(Analyze(Compile(Usings + Triggers[id])), d => d.Id == id);

        Assert.True(diagnostic.Location.IsInSource, diagnostic.ToString());
        Assert.Equal("/repo/src/Source.cs", diagnostic.Location.SourceTree!.FilePath);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Silenced_by_pragma(string id)
    {
        var diagnostics = Analyze(Compile("#pragma warning disable " + id + "\n" + Usings + Triggers[id]));

        Assert.DoesNotContain(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Silenced_for_one_file_by_editorconfig(string id)
    {
        var compilation = ConfigFileOptions.Apply(Compile(Usings + Triggers[id]), ("/repo/src/.editorconfig", "root = true\n[Source.cs]\ndotnet_diagnostic." + id + ".severity = none\n"));
        var elsewhere = ConfigFileOptions.Apply(Compile(Usings + Triggers[id]), ("/repo/src/.editorconfig", "root = true\n[Other.cs]\ndotnet_diagnostic." + id + ".severity = none\n"));

        Assert.DoesNotContain(Analyze(compilation), d => d.Id == id);
        Assert.Contains(Analyze(elsewhere), d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Configured_by_globalconfig(string id)
    {
        var silenced = ConfigFileOptions.Apply(Compile(Usings + Triggers[id]), ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic." + id + ".severity = none\n"));
        var warning = ConfigFileOptions.Apply(Compile(Usings + Triggers[id]), ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic." + id + ".severity = warning\n"));

        Assert.DoesNotContain(Analyze(silenced), d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(Analyze(warning), d => d.Id == id).Severity);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_rule_page_says_how_to_configure_it(string id)
    {
        var page = System.IO.File.ReadAllText(System.IO.Path.Combine(RiskSdk.Testing.RepositoryRoot.Path, "docs", "rules", id + ".md"));

        var section = page[page.IndexOf("## How to configure", StringComparison.Ordinal)..];
        Assert.Contains("#pragma warning disable " + id, section, StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic." + id + ".severity", section, StringComparison.Ordinal);
        Assert.Contains(".globalconfig", section, StringComparison.Ordinal);
    }

    private static CSharpCompilation Compile(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        return compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/repo/src/Source.cs"));
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Analyze(Compilation compilation) =>
        GeneratorHarness.Analyze(compilation, new SettingsAnalyzer(), new GatePipelineAnalyzer(), new KillSwitchOrderAnalyzer());
}
