using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using RiskSdk.Generators.Pipeline;
using RiskSdk.Generators.Tests.Infrastructure;
using Xunit;

namespace RiskSdk.Generators.Tests.Pipeline;

/// <summary>
/// Pipeline declarations as careless or inventive users write them. Each either generates a pipeline that compiles
/// without a single warning in the generated file, or is refused with a RISKGEN diagnostic at the user's code and
/// generates nothing: never a CSxxxx inside a generated file.
/// </summary>
public sealed class DeclarationShapeTests
{
    private const string Usings = """
        using System;
        using RiskSdk;
        using RiskSdk.Gates;

        """;

    /// <summary>Declarations the generator must turn into a pipeline that compiles cleanly.</summary>
    public static TheoryData<string, string> Generated() => new()
    {
        {
            "a pipeline, its containing type, its namespace and type parameters named by keywords",
            """
            namespace @event.@record;
            public partial class @class;
            public partial class @record<@in>
            {
                [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
                public partial class @class<@out>;
            }
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class @class;
            """
        },
        {
            "a keyword-named pipeline in the global namespace",
            """
            [GatePipeline(typeof(PositionLimitGate))]
            partial class @var;
            [GatePipeline(typeof(PositionLimitGate))]
            partial record @async;
            """
        },
        {
            "a user type named var in the pipeline's namespace",
            """
            namespace Demo;
            public sealed class @var;
            [GatePipeline(typeof(KillSwitchGate), typeof(CooldownGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """
        },
        {
            "a supplied gate whose parameter is named nameof, and a user member named nameof",
            """
            namespace Demo;
            public sealed class NameofGate(string name) { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass(name); }
            [GatePipeline(typeof(NameofGate), typeof(PositionLimitGate))]
            public partial class Pipeline { private static int nameof(object value) => value.GetHashCode(); }
            """
        },
        {
            "gates with a public static Check that also implement role interfaces (timed, admitting, reserving)",
            """
            namespace Demo;
            public sealed class TimedGate : ITimedGate
            {
                public string Name => "Timed";
                public static GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Timed");
                GateVerdict IRiskGate.Check(in TradeIntent intent) => Check(in intent);
                public GateVerdict Check(in TradeIntent intent, ref DecisionClock clock) => GateVerdict.Pass("Timed");
            }
            public sealed class TakingGate : IAdmittingGate
            {
                public string Name => "Taking";
                public static GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Taking");
                GateVerdict IRiskGate.Check(in TradeIntent intent) => Check(in intent);
                public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt) { receipt = default; return GateVerdict.Pass("Taking"); }
                public void Undo(in TradeIntent intent, in AdmissionReceipt receipt) { }
            }
            public sealed class SlotGate : IReservingGate
            {
                public string Name => "Slot";
                public static GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Slot");
                GateVerdict IRiskGate.Check(in TradeIntent intent) => Check(in intent);
                public RiskDecision Admit(in TradeIntent intent, ref DecisionClock clock, ReadOnlySpan<IAdmittingGate> admitting) => throw new NotSupportedException();
            }
            [GatePipeline(typeof(TimedGate), typeof(TakingGate), typeof(PositionLimitGate))]
            public partial class Staged;
            [GatePipeline(typeof(TimedGate), typeof(TakingGate), typeof(SlotGate))]
            public partial class Listed;
            """
        },
        {
            "gates with required members: created through [SetsRequiredMembers], else passed in",
            """
            namespace Demo;
            public sealed class LimitGate
            {
                public LimitGate() { }
                [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public LimitGate(RiskSettings settings) => Max = settings.MaxLotsPerOrder;
                public required int Max { get; init; }
                public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Limit" + Max);
            }
            public struct FloorGate { public required int Min; public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Floor" + Min); }
            [GatePipeline(typeof(LimitGate), typeof(FloorGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """
        },
        {
            "an [Obsolete] gate (silenced where listed), an obsolete Check, and a constructor obsolete as an error beside a usable one",
            """
            namespace Demo;
            [Obsolete("use another")] public sealed class OldGate { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Old"); }
            public sealed class AgingGate
            {
                [Obsolete("gone", error: true)] public AgingGate() => Time = TimeProvider.System;
                public AgingGate(TimeProvider time) => Time = time;
                public TimeProvider Time { get; }
                [Obsolete("soon")] public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Aging");
            }
            #pragma warning disable CS0618 // listed on purpose
            [GatePipeline(typeof(OldGate), typeof(AgingGate), typeof(PositionLimitGate))]
            #pragma warning restore CS0618
            public partial class Pipeline;
            """
        },
        {
            "a base class with a protected constructor whose parameters are optional, and private members named like generated ones",
            """
            namespace Demo;
            public abstract class Base
            {
                protected Base(int weight = 1) => Weight = weight;
                public int Weight { get; }
                private int _context => Weight;
                private int Evaluate() => _context;
                public int Total => Evaluate();
            }
            [GatePipeline(typeof(PositionLimitGate))]
            public sealed partial class Pipeline : Base;
            """
        },
    };

    /// <summary>Declarations the generator must refuse at the user's code, with what the message must say.</summary>
    public static TheoryData<string, string, string, string> Refused() => new()
    {
        {
            "a base class without a constructor the generated one can call",
            """
            namespace Demo;
            public abstract class Base { protected Base(int weight) => Weight = weight; public int Weight { get; } }
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Pipeline : Base;
            """,
            "RISKGEN106", "derives from 'Base', which has no constructor accessible to it that takes no arguments"
        },
        {
            "a base class with an Evaluate of its own",
            """
            namespace Demo;
            public class Base { public RiskDecision Evaluate(in TradeIntent intent) => throw new NotSupportedException(); }
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Pipeline : Base;
            """,
            "RISKGEN106", "inherits 'Evaluate' from 'Base'"
        },
        {
            "a base class with a protected field named like a gate's field",
            """
            namespace Demo;
            public class Base { protected int _positionLimit = 1; public int Limit => _positionLimit; }
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Pipeline : Base;
            """,
            "RISKGEN106", "inherits '_positionLimit' from 'Base'"
        },
        {
            "a pipeline deriving from another pipeline",
            """
            namespace Demo;
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Basic;
            [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
            public partial class Derived : Basic;
            """,
            "RISKGEN106", "derives from 'Basic', a gate pipeline itself"
        },
        {
            "an explicit IRiskPipeline.Evaluate in the user's part",
            """
            namespace Demo;
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Pipeline : IRiskPipeline
            {
                RiskDecision IRiskPipeline.Evaluate(in TradeIntent intent) => throw new NotSupportedException();
            }
            """,
            "RISKGEN106", "implements IRiskPipeline.Evaluate itself"
        },
        {
            "a ref struct gate with an instance Check",
            """
            namespace Demo;
            public ref struct SpanGate { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Span"); }
            [GatePipeline(typeof(SpanGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """,
            "RISKGEN104", "it is a ref struct"
        },
        {
            "a gate whose only Check is [Obsolete] as an error",
            """
            namespace Demo;
            public sealed class GoneGate { [Obsolete("gone", error: true)] public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Gone"); }
            [GatePipeline(typeof(GoneGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """,
            "RISKGEN104", "its Check method is [Obsolete] as an error"
        },
        {
            "an abstract class with a static Check that implements a role interface",
            """
            namespace Demo;
            public abstract class TimedBase : ITimedGate
            {
                public string Name => "TimedBase";
                public static GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("TimedBase");
                GateVerdict IRiskGate.Check(in TradeIntent intent) => Check(in intent);
                public GateVerdict Check(in TradeIntent intent, ref DecisionClock clock) => GateVerdict.Pass("TimedBase");
            }
            [GatePipeline(typeof(TimedBase), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """,
            "RISKGEN104", "it implements a gate role interface, which the pipeline calls on an instance"
        },
        {
            "one gate type listed twice, once with tuple element names",
            """
            namespace Demo;
            public sealed class TakeGate<T> : IAdmittingGate
            {
                public string Name => "Take";
                public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Take");
                public GateVerdict TryTake(in TradeIntent intent, in AdmissionSlot slot, ref DecisionClock clock, out AdmissionReceipt receipt) { receipt = default; return GateVerdict.Pass("Take"); }
                public void Undo(in TradeIntent intent, in AdmissionReceipt receipt) { }
            }
            [GatePipeline(typeof(TakeGate<(int Lots, string Symbol)[]>), typeof(TakeGate<(int, string)[]>), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """,
            "RISKGEN103", "'TakeGate' is listed twice in the gate pipeline 'Pipeline' (gates 1 and 2)"
        },
        {
            "pipelines named like a member the generated part adds",
            """
            namespace Demo;
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Evaluate;
            """,
            "RISKGEN106", "is named like 'Evaluate', a member the generated part adds"
        },
        {
            "a pipeline named like a gate's field",
            """
            namespace Demo;
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class _positionLimit;
            """,
            "RISKGEN106", "is named like '_positionLimit'"
        },
        {
            "a pipeline listed as a gate of itself",
            """
            namespace Demo;
            [GatePipeline(typeof(Pipeline), typeof(PositionLimitGate))]
            public partial class Pipeline { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Pipeline"); }
            """,
            "RISKGEN104", "it is a gate pipeline itself"
        },
        {
            "another pipeline listed as a gate",
            """
            namespace Demo;
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Inner { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Inner"); }
            [GatePipeline(typeof(Inner), typeof(PositionLimitGate))]
            public partial class Outer;
            """,
            "RISKGEN104", "it is a gate pipeline itself"
        },
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public void A_declaration_generates_a_pipeline_that_compiles_cleanly(string shape, string source)
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + source);

        Assert.True(result.Diagnostics.IsEmpty, shape + ": " + string.Join("; ", result.Diagnostics));
        Assert.NotEmpty(result.GeneratedTrees);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, shape + ": " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_declaration_that_cannot_be_generated_is_refused_at_the_users_code(string shape, string source, string id, string message)
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + source);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id);
        Assert.True(diagnostic.Location.IsInSource, shape);
        Assert.StartsWith("Source", diagnostic.Location.SourceTree!.FilePath, StringComparison.Ordinal);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var generated = result.GeneratedTrees.ToHashSet();
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Location.SourceTree is { } tree && generated.Contains(tree));
    }

    [Fact]
    public void A_gate_type_obsolete_as_an_error_is_left_to_the_compiler_at_the_users_typeof()
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + """
            namespace Demo;
            [Obsolete("gone", error: true)] public sealed class GoneGate { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Gone"); }
            [GatePipeline(typeof(GoneGate), typeof(PositionLimitGate))]
            public partial class Pipeline;
            """);

        Assert.Empty(result.GeneratedTrees);
        var error = Assert.Single(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0619", error.Id);
        Assert.StartsWith("Source", error.Location.SourceTree!.FilePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typeof(Gate<NoSuchType>)", "CS0246")]
    [InlineData("typeof(Gate<NoSuchType>[])", "CS0246")]
    [InlineData("typeof(Gate<int*>)", "CS0306")]
    public void A_gate_type_the_compiler_refuses_at_the_users_typeof_generates_nothing(string gate, string error)
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + $$"""
            namespace Demo;
            public sealed class Gate<T> { public GateVerdict Check(in TradeIntent intent) => GateVerdict.Pass("Gate"); }
            [GatePipeline({{gate}}, typeof(PositionLimitGate))]
            public partial class Pipeline;
            """);

        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(output.GetDiagnostics(), d => d.Id == error);
        Assert.All(output.GetDiagnostics(), d => Assert.StartsWith("Source", d.Location.SourceTree!.FilePath, StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_class_that_does_not_bind_is_left_to_the_compiler()
    {
        var (result, output) = GeneratorHarness.Run(new GatePipelineGenerator(), Usings + """
            namespace Demo;
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Pipeline : NoSuchBase;
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.GeneratedTrees);
        Assert.Equal("CS0246", Assert.Single(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error).Id);
        Assert.All(output.GetDiagnostics(), d => Assert.StartsWith("Source", d.Location.SourceTree!.FilePath, StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_that_is_both_a_settings_class_and_a_pipeline_is_refused_and_the_settings_still_compile()
    {
        var source = """
            using System.ComponentModel.DataAnnotations;
            using RiskSdk;
            using RiskSdk.Gates;
            namespace Demo;
            [EnvironmentSettings("APP_")]
            [GatePipeline(typeof(PositionLimitGate))]
            public partial class Both
            {
                /// <summary>The cap.</summary>
                [Range(0, 10)]
                public int Cap { get; init; } = 2;
            }
            """;
        var input = GeneratorHarness.Compile(source);
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                new[] { new RiskSdk.Generators.Configuration.ConfigurationGenerator().AsSourceGenerator(), new GatePipelineGenerator().AsSourceGenerator() },
                parseOptions: new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest))
            .RunGeneratorsAndUpdateCompilation(input, out var output, out _);

        var diagnostic = Assert.Single(GeneratorHarness.Analyze(input, new GatePipelineAnalyzer()));
        Assert.Equal("RISKGEN106", diagnostic.Id);
        Assert.Contains("is also marked [EnvironmentSettings]", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(driver.GetRunResult().GeneratedTrees);
        Assert.Empty(GeneratorHarness.CompilationErrors(output));
    }

    [Fact]
    public void Every_step_is_cached_after_an_unrelated_edit_for_unusual_shapes() =>
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(new GatePipelineGenerator(), PipelineTrackingNames.All, Usings + Generated().Skip(4).Select(row => (string)row[1]).First(), Usings + """
            namespace @event.@record;
            public partial class @record<@in>
            {
                [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
                public partial class @class<@out>;
            }
            """);
}
