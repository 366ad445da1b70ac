namespace RiskSdk.Generators.Configuration;

/// <summary>
/// Reads a documentation comment whose only markup is its root and one <c>&lt;summary&gt;</c> of plain text (the
/// usual shape) without an XML parser: the parser runs again for every documented setting on every compilation, and
/// an XML reader per property dominated its allocations. Any other markup (a tag, an entity, a comment, CDATA, a
/// character XML forbids) answers false, and the caller parses the XML as before, so the answer is always the same.
/// </summary>
internal static class PlainSummary
{
    private const string SummaryStart = "<summary>";
    private const string SummaryEnd = "</summary>";
    private const string DocStart = "<doc>";
    private const string DocEnd = "</doc>";
    private const string MemberStart = "<member name=\"";
    private const string MemberEnd = "</member>";

    /// <summary>
    /// True when <paramref name="xml"/> is <c>&lt;member name="..."&gt;</c> or <c>&lt;doc&gt;</c> holding one
    /// <c>&lt;summary&gt;</c> and text only; <paramref name="text"/> is then the summary's raw text.
    /// </summary>
    public static bool TryRead(string xml, out string text)
    {
        text = string.Empty;
        var end = xml.Length;
        while (end > 0 && IsXmlSpace(xml[end - 1]))
        {
            end--;
        }

        int bodyStart;
        int bodyEnd;
        if (StartsAt(xml, 0, DocStart) && EndsAt(xml, end, DocEnd))
        {
            bodyStart = DocStart.Length;
            bodyEnd = end - DocEnd.Length;
        }
        else if (StartsAt(xml, 0, MemberStart) && EndsAt(xml, end, MemberEnd))
        {
            var nameEnd = xml.IndexOf('"', MemberStart.Length);
            if (nameEnd < 0 || nameEnd + 1 >= xml.Length || xml[nameEnd + 1] != '>' || !IsPlainText(xml, MemberStart.Length, nameEnd))
            {
                return false;
            }

            bodyStart = nameEnd + 2;
            bodyEnd = end - MemberEnd.Length;
        }
        else
        {
            return false;
        }

        if (bodyEnd < bodyStart)
        {
            return false;
        }

        var open = xml.IndexOf(SummaryStart, bodyStart, bodyEnd - bodyStart, System.StringComparison.Ordinal);
        var close = open < 0 ? -1 : xml.IndexOf(SummaryEnd, open, bodyEnd - open, System.StringComparison.Ordinal);
        var textStart = open + SummaryStart.Length;
        if (close < 0
            || !IsPlainText(xml, bodyStart, open)
            || !IsPlainText(xml, textStart, close)
            || !IsPlainText(xml, close + SummaryEnd.Length, bodyEnd))
        {
            return false;
        }

        text = xml.Substring(textStart, close - textStart);
        return true;
    }

    /// <summary>Text an XML parser reads back unchanged (line breaks aside): no markup, no entity, no <c>]]&gt;</c>, only characters XML allows.</summary>
    private static bool IsPlainText(string xml, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = xml[i];
            if (c is '<' or '&' || (c < ' ' && !IsXmlSpace(c)) || char.IsSurrogate(c) || c >= '\uFFFE'
                || (c == '>' && i >= 2 && xml[i - 1] == ']' && xml[i - 2] == ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXmlSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool StartsAt(string xml, int index, string value) =>
        string.CompareOrdinal(xml, index, value, 0, value.Length) == 0 && xml.Length - index >= value.Length;

    private static bool EndsAt(string xml, int end, string value) =>
        end >= value.Length && string.CompareOrdinal(xml, end - value.Length, value, 0, value.Length) == 0;
}
