using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Generators.Tests.Infrastructure;

/// <summary>One generator run as a build sees it: the driver's result plus what the generator's analyzer reported.</summary>
public sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriverRunResult driver, ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        Driver = driver;
        Diagnostics = driver.Diagnostics.AddRange(analyzerDiagnostics);
    }

    /// <summary>The generator driver's result.</summary>
    public GeneratorDriverRunResult Driver { get; }

    /// <summary>The generator's own diagnostics and its analyzer's.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public ImmutableArray<SyntaxTree> GeneratedTrees => Driver.GeneratedTrees;

    public ImmutableArray<GeneratorRunResult> Results => Driver.Results;
}
