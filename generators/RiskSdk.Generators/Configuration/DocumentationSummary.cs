using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace RiskSdk.Generators.Configuration;

/// <summary>
/// Reads a member's XML documentation <c>&lt;summary&gt;</c> as one line of plain text. Uses the compiler's
/// documentation when the project parses it, and the <c>///</c> comment trivia otherwise (projects that do not
/// generate a documentation file treat doc comments as plain comments).
/// </summary>
internal static class DocumentationSummary
{
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);
    private static readonly Regex Tags = new("<[^>]*>", RegexOptions.Compiled);

    public static string Read(ISymbol symbol, CancellationToken cancellationToken)
    {
        var xml = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
        {
            xml = FromTrivia(symbol, cancellationToken);
        }

        return string.IsNullOrWhiteSpace(xml) ? string.Empty : Summary(xml!);
    }

    private static string FromTrivia(ISymbol symbol, CancellationToken cancellationToken)
    {
        var reference = symbol.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder("<doc>");
        foreach (var trivia in reference.GetSyntax(cancellationToken).GetLeadingTrivia())
        {
            foreach (var line in trivia.ToFullString().Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("///", StringComparison.Ordinal))
                {
                    text.Append(trimmed.Substring(3)).Append('\n');
                }
            }
        }

        return text.Append("</doc>").ToString();
    }

    /// <summary>The summary of a documentation comment's XML as one line of plain text.</summary>
    internal static string Summary(string xml) => PlainSummary.TryRead(xml, out var plain) ? Normalize(plain) : Parsed(xml);

    /// <summary>The same, always through the XML parser (what <see cref="PlainSummary"/> must agree with).</summary>
    internal static string Parsed(string xml)
    {
        try
        {
            var summary = XElement.Parse(xml, LoadOptions.PreserveWhitespace).Descendants("summary").FirstOrDefault();
            return summary is null ? string.Empty : Normalize(Render(summary));
        }
        catch (XmlException)
        {
            return Normalize(Tags.Replace(xml, " "));
        }
    }

    private static string Render(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } reference:
                    text.Append(reference.Value.Length > 0 ? reference.Value : ReferenceName(reference));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } parameter:
                    text.Append((string?)parameter.Attribute("name") ?? string.Empty);
                    break;
                case XElement nested:
                    text.Append(Render(nested));
                    break;
            }
        }

        return text.ToString();
    }

    private static string ReferenceName(XElement reference)
    {
        if ((string?)reference.Attribute("langword") is { } keyword)
        {
            return keyword;
        }

        var cref = (string?)reference.Attribute("cref") ?? (string?)reference.Attribute("href") ?? string.Empty;
        var withoutKind = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
        var parameters = withoutKind.IndexOf('(');
        if (parameters >= 0)
        {
            withoutKind = withoutKind.Substring(0, parameters);
        }

        var dot = withoutKind.LastIndexOf('.');
        return dot >= 0 ? withoutKind.Substring(dot + 1) : withoutKind;
    }

    private static string Normalize(string text) => Whitespace.Replace(text, " ").Trim();
}
