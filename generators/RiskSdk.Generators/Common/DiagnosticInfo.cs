using System.Linq;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Generators;

/// <summary>
/// A diagnostic as plain equatable data: found by a parser, carried through the pipeline, and turned into a
/// <see cref="Diagnostic"/> only in the output step that reports it.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArguments) =>
        new(descriptor, LocationInfo.From(location), new EquatableArray<string>(messageArguments));

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArguments) =>
        new(descriptor, location, new EquatableArray<string>(messageArguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArguments.Cast<object>().ToArray());

    /// <summary>The diagnostic at its place in one of <paramref name="compilation"/>'s syntax trees, where suppressions apply.</summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var location = Location is { } info && compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == info.FilePath) is { } tree
            ? Microsoft.CodeAnalysis.Location.Create(tree, info.Span)
            : Location?.ToLocation();
        return Diagnostic.Create(Descriptor, location, MessageArguments.Cast<object>().ToArray());
    }
}
