using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace RiskSdk.Analyzers;

/// <summary>
/// Where a placement may be called, per syntax tree: the positions of the identifiers that spell a
/// <see cref="PlacementNames">placement name</see>, found by one ordinal text search per name and tree (no binding,
/// no walk over every token). An operation block with none of them in its span is not analysed: it cannot place an
/// order. A file whose text holds a unicode escape (an identifier may be spelled with one) keeps every block.
/// </summary>
internal sealed class PlacementSites
{
    private readonly HashSet<string>? _names;

    /// <summary>Sorted identifier positions by tree; null for a tree whose every block is analysed.</summary>
    private readonly ConcurrentDictionary<SyntaxTree, int[]?> _trees = new();

    public PlacementSites(HashSet<string>? names) => _names = names;

    /// <summary>False only when no identifier in <paramref name="span"/> of <paramref name="tree"/> spells a placement name.</summary>
    public bool MayPlaceIn(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        if (_names is null)
        {
            return true;
        }

        if (!_trees.TryGetValue(tree, out var positions))
        {
            positions = _trees.GetOrAdd(tree, Find(tree, _names, cancellationToken));
        }

        if (positions is null)
        {
            return true;
        }

        var index = Array.BinarySearch(positions, span.Start);
        if (index < 0)
        {
            index = ~index;
        }

        return index < positions.Length && positions[index] < span.End;
    }

    private static int[]? Find(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return null;
        }

        var root = tree.GetRoot(cancellationToken);
        var found = new List<int>();
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var token = root.FindToken(at);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                {
                    found.Add(token.SpanStart);
                }
            }
        }

        if (found.Count == 0)
        {
            return Array.Empty<int>();
        }

        found.Sort();
        return found.ToArray();
    }
}
