using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RiskSdk.Analyzers;

/// <summary>
/// Reads a RiskSdk symbols file (<c>RiskSdk.OrderPlacement.txt</c> or <c>RiskSdk.PositionChecks.txt</c>): one method
/// documentation-comment ID a line, <c>;</c> anywhere or <c>#</c> at the start of a word starts a comment, as in
/// BannedSymbols.txt. Lines that are not method IDs, or that resolve to nothing, become RISK003/RISK004 diagnostics.
/// </summary>
internal static class SymbolsFile
{
    public const string OrderPlacementFileName = "RiskSdk.OrderPlacement.txt";
    public const string PositionChecksFileName = "RiskSdk.PositionChecks.txt";

    /// <summary>True when <paramref name="path"/> is one of the two symbols files.</summary>
    public static bool IsSymbolsFile(string path, out bool isPlacementFile)
    {
        var name = Path.GetFileName(path);
        isPlacementFile = string.Equals(name, OrderPlacementFileName, StringComparison.OrdinalIgnoreCase);
        return isPlacementFile || string.Equals(name, PositionChecksFileName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Resolves every line of <paramref name="file"/>, adding methods to <paramref name="methods"/> and problems to <paramref name="diagnostics"/>.</summary>
    public static void Read(
        AdditionalText file,
        bool isPlacementFile,
        Compilation compilation,
        HashSet<IMethodSymbol> methods,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return;
        }

        foreach (var line in text.Lines)
        {
            var span = IdSpan(text, line);
            if (span.IsEmpty)
            {
                continue;
            }

            var id = text.ToString(span);
            var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
            if (!LooksLikeMethodId(id))
            {
                diagnostics.Add(Diagnostic.Create(RiskDiagnostics.MalformedSymbolLine, location, id));
                continue;
            }

            var found = false;
            foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
            {
                if (symbol is IMethodSymbol method)
                {
                    methods.Add(method.OriginalDefinition);
                    found = true;
                }
            }

            if (!found)
            {
                var meaning = isPlacementFile ? "an order-placement method" : "a position-limit check";
                diagnostics.Add(Diagnostic.Create(RiskDiagnostics.UnknownSymbol, location, id, meaning));
            }
        }
    }

    /// <summary>The span of a line's ID: the text before any comment, trimmed.</summary>
    internal static TextSpan IdSpan(SourceText text, TextLine line)
    {
        var start = line.Start;
        var end = line.End;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == ';' || (c == '#' && (i == line.Start || char.IsWhiteSpace(text[i - 1]))))
            {
                end = i;
                break;
            }
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>A method ID: <c>M:</c>, a name, no white space, balanced brackets.</summary>
    internal static bool LooksLikeMethodId(string id)
    {
        if (id.Length < 3 || id[0] != 'M' || id[1] != ':' || !(char.IsLetter(id[2]) || id[2] == '_'))
        {
            return false;
        }

        var depth = 0;
        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            depth += c switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    /// <summary>Groups file diagnostics by file path for reporting in the additional-file action.</summary>
    public static ImmutableDictionary<string, ImmutableArray<Diagnostic>> ByPath(List<Diagnostic> diagnostics)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<Diagnostic>>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var path = diagnostic.Location.GetLineSpan().Path;
            builder[path] = builder.TryGetValue(path, out var existing) ? existing.Add(diagnostic) : ImmutableArray.Create(diagnostic);
        }

        return builder.ToImmutable();
    }
}
