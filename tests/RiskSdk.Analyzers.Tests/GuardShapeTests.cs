using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>Every guard shape from the issue, accepted (no diagnostic) and its broken twin (RISK001 at <c>{|#0:...|}</c>).</summary>
public sealed class GuardShapeTests
{
    public static TheoryData<string, string> Guarded() => Cases.Guarded;

    public static TheoryData<string, string> Unguarded() => Cases.Unguarded;

    [Theory]
    [MemberData(nameof(Guarded))]
    public Task Guarded_placement_is_accepted(string shape, string statements)
    {
        Assert.NotEmpty(shape);
        return Verify.Analyzer(Prelude.Body(statements));
    }

    [Theory]
    [MemberData(nameof(Unguarded))]
    public Task Unguarded_placement_is_reported(string shape, string statements)
    {
        Assert.NotEmpty(shape);
        return Verify.Analyzer(Prelude.Body(statements), Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId));
    }

    /// <summary>All sources, for the robustness test.</summary>
    internal static IEnumerable<string> AllSources()
    {
        foreach (var row in Cases.Guarded)
        {
            yield return Prelude.Body((string)row[1]);
        }

        foreach (var row in Cases.Unguarded)
        {
            yield return Prelude.Body((string)row[1]);
        }

        foreach (var source in ApprovalTests.AllSources())
        {
            yield return source;
        }

        foreach (var source in RealShapesTests.AllSources())
        {
            yield return source;
        }

        foreach (var source in LoopApprovalTests.AllSources())
        {
            yield return source;
        }
    }
}
