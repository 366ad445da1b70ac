using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Generators.Tests.Infrastructure;

/// <summary>
/// Severity settings from <c>.editorconfig</c> and <c>.globalconfig</c> files, applied to a compilation the way the
/// compiler applies them in a build (per file, then global), so suppression can be tested without a build.
/// </summary>
public sealed class ConfigFileOptions : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _set;

    private ConfigFileOptions(AnalyzerConfigSet set) => _set = set;

    /// <summary>Applies the given config files (path, text) to <paramref name="compilation"/>.</summary>
    public static Compilation Apply(Compilation compilation, params (string Path, string Text)[] files)
    {
        var set = AnalyzerConfigSet.Create(files.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToImmutableArray());
        return compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new ConfigFileOptions(set)));
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
