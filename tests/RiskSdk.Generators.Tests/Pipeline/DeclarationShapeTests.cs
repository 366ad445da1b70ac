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
    };

    /// <summary>Declarations the generator must refuse at the user's code, with what the message must say.</summary>

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

    [Fact]
    public void Every_step_is_cached_after_an_unrelated_edit_for_unusual_shapes() =>
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(new GatePipelineGenerator(), PipelineTrackingNames.All, Usings + """
            namespace @event.@record;
            public partial class @record<@in>
            {
                [GatePipeline(typeof(KillSwitchGate), typeof(PositionLimitGate))]
                public partial class @class<@out>;
            }
            """);
}
