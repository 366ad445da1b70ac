using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RiskSdk.Generators;

/// <summary>
/// A source location as plain equatable data, so a model that carries diagnostics can be cached by the incremental
/// pipeline (a <see cref="Location"/> holds its syntax tree and would keep the whole compilation alive).
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true, SourceTree: { } tree }
            ? new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
