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
/// documentation-comment ID (or a name, or a name prefix with <c>*</c>) a line, <c>;</c> anywhere or <c>#</c> at the
/// start of a word starts a comment, as in BannedSymbols.txt. Lines that cannot be read, or that resolve to nothing,
/// become RISK003/RISK004 diagnostics; a check whose approval cannot be determined, RISK006.
/// </summary>
internal static class SymbolsFile
{
    public const string OrderPlacementFileName = "RiskSdk.OrderPlacement.txt";
    public const string PositionChecksFileName = "RiskSdk.PositionChecks.txt";
    public const string InvokeNowFileName = "RiskSdk.InvokeNow.txt";

    /// <summary>Which symbols file <paramref name="path"/> is, if any.</summary>
    public static SymbolsFileKind KindOf(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, OrderPlacementFileName, StringComparison.OrdinalIgnoreCase) ? SymbolsFileKind.Placements
            : string.Equals(name, PositionChecksFileName, StringComparison.OrdinalIgnoreCase) ? SymbolsFileKind.Checks
            : string.Equals(name, InvokeNowFileName, StringComparison.OrdinalIgnoreCase) ? SymbolsFileKind.InvokeNow
            : SymbolsFileKind.None;
    }

    /// <summary>The option of a checks-file line that says what approval looks like: <c>approved-when:IsAllowed</c>.</summary>
    public const string ApprovedWhenOption = "approved-when:";

    /// <summary>The option of a placements-file line for an exit-only method.</summary>
    public const string ReducesExposureOption = "reduces-exposure";

    /// <summary>The option of a placements-file line for a call that is an exit when an argument says so: <c>exit-when:reduceOnly</c>, <c>exit-when:side=Sell</c>.</summary>
    public const string ExitWhenOption = "exit-when:";

    /// <summary>
    /// Resolves every line of <paramref name="file"/>, adding methods (a property's getter for <c>P:</c>) to
    /// <paramref name="methods"/>, each line's option (a check's approval rule, a placement's exit rule) to <paramref name="options"/>, and problems to
    /// <paramref name="diagnostics"/>. A line is an ID (<c>M:</c>, or <c>P:</c> in the checks file), or a name without
    /// parameters (<c>M:Kite.Client.PlaceOrder</c> or <c>Kite.Client.PlaceOrder</c>: every overload;
    /// <c>Kite.Client.PlaceOrder*</c>: every method whose name starts so), then options.
    /// </summary>
    public static void Read(
        AdditionalText file,
        SymbolsFileKind kind,
        Compilation compilation,
        HashSet<IMethodSymbol> methods,
        Dictionary<IMethodSymbol, string> options,
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

            var entry = text.ToString(span);
            var idLength = entry.IndexOfAny([' ', '\t']) is var space and >= 0 ? space : entry.Length;
            var id = entry.Substring(0, idLength);
            var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
            if (!LooksLikeId(id, allowProperty: kind == SymbolsFileKind.Checks) || !Options(entry.Substring(idLength), kind, out var option))
            {
                diagnostics.Add(Diagnostic.Create(RiskDiagnostics.MalformedSymbolLine, location, entry));
                continue;
            }

            var resolved = Resolve(id, compilation);
            foreach (var method in resolved)
            {
                methods.Add(method);
                if (option is not null)
                {
                    options[method] = option;
                }
            }

            if (resolved.Count == 0)
            {
                var meaning = kind switch
                {
                    SymbolsFileKind.Placements => "an order-placement method",
                    SymbolsFileKind.Checks => "a position-limit check",
                    _ => "a method that runs its delegates before returning",
                };
                diagnostics.Add(Diagnostic.Create(RiskDiagnostics.UnknownSymbol, location, id, meaning));
            }
            else if (kind == SymbolsFileKind.Checks)
            {
                foreach (var method in resolved)
                {
                    if (CheckShape.Of(method, option) is { Kind: CheckResultKind.Undetermined } shape)
                    {
                        diagnostics.Add(Diagnostic.Create(RiskDiagnostics.UndeterminedApproval, location, PlacementBlock.DisplayName(method), shape.Problem));
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The methods a line names: an exact ID, else every overload of a name, or every name with a prefix (<c>*</c>).</summary>
    internal static List<IMethodSymbol> Resolve(string id, Compilation compilation)
    {
        var found = new List<IMethodSymbol>();
        var hasPrefix = id.Length > 2 && id[1] == ':';
        if (hasPrefix && !id.EndsWith("*", StringComparison.Ordinal))
        {
            foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
            {
                Add(symbol, found);
            }
        }

        if (found.Count > 0 || id.IndexOf('(') >= 0)
        {
            return found;
        }

        var name = hasPrefix ? id.Substring(2) : id;
        var wildcard = name.EndsWith("*", StringComparison.Ordinal);
        name = wildcard ? name.Substring(0, name.Length - 1) : name;
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || compilation.GetTypeByMetadataName(name.Substring(0, dot)) is not { } type)
        {
            return found;
        }

        var member = name.Substring(dot + 1);
        foreach (var candidate in type.GetMembers())
        {
            if (candidate is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol
                && (wildcard ? candidate.Name.StartsWith(member, StringComparison.Ordinal) : candidate.Name == member)
                && (id[0] != 'P' || candidate is IPropertySymbol) && (id[0] != 'M' || !hasPrefix || candidate is IMethodSymbol))
            {
                Add(candidate, found);
            }
        }

        return found;
    }

    private static void Add(ISymbol symbol, List<IMethodSymbol> found)
    {
        switch (symbol)
        {
            case IMethodSymbol method:
                found.Add(method.OriginalDefinition);
                break;
            case IPropertySymbol { GetMethod: { } getter }:
                found.Add(getter.OriginalDefinition);
                break;
        }
    }

    /// <summary>
    /// Reads the options after the ID; false for one this file does not know. For a check, the approval rule; for a
    /// placement, its exit rule (<see cref="ExitRule"/>: <c>*</c> for exit-only, else the argument condition).
    /// </summary>
    private static bool Options(string options, SymbolsFileKind kind, out string? value)
    {
        value = null;
        foreach (var option in options.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (kind == SymbolsFileKind.Checks && option.StartsWith(ApprovedWhenOption, StringComparison.Ordinal) && option.Length > ApprovedWhenOption.Length)
            {
                value = option.Substring(ApprovedWhenOption.Length);
            }
            else if (kind == SymbolsFileKind.Placements && option == ReducesExposureOption)
            {
                value = ExitRule.Always;
            }
            else if (kind == SymbolsFileKind.Placements && option.StartsWith(ExitWhenOption, StringComparison.Ordinal) && option.Length > ExitWhenOption.Length)
            {
                value = option.Substring(ExitWhenOption.Length);
            }
            else
            {
                return false;
            }
        }

        return true;
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

    /// <summary>A method ID (<c>M:</c>, a name, no white space, balanced brackets), for checks also a property ID (<c>P:</c>), or a dotted name.</summary>
    internal static bool LooksLikeId(string id, bool allowProperty)
    {
        var hasPrefix = id.Length > 2 && id[1] == ':';
        if (hasPrefix ? !(id[0] == 'M' || (allowProperty && id[0] == 'P')) || !(char.IsLetter(id[2]) || id[2] == '_')
            : id.Length == 0 || !(char.IsLetter(id[0]) || id[0] == '_') || id.IndexOf('.') < 0 || id.IndexOf('(') >= 0)
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

/// <summary>The three symbols files.</summary>
internal enum SymbolsFileKind
{
    None,

    /// <summary><c>RiskSdk.OrderPlacement.txt</c>: order placements, options <c>reduces-exposure</c>, <c>exit-when:</c>.</summary>
    Placements,

    /// <summary><c>RiskSdk.PositionChecks.txt</c>: checks, option <c>approved-when:</c>.</summary>
    Checks,

    /// <summary><c>RiskSdk.InvokeNow.txt</c>: methods that run the delegates passed to them before returning.</summary>
    InvokeNow,
}
