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

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArguments.Cast<object>().ToArray());
}
