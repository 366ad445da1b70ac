using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace RiskSdk;

/// <summary>
/// The identity of an exchange (or any other scope a cap applies to): the one rule that decides when two spellings
/// name the same exchange. Surrounding white space is trimmed, the text is compatibility-normalised (NFKC) and
/// upper-cased (invariant culture), so <c>"NSE"</c>, <c>"nse"</c>, <c>" NSE\t"</c> and the fullwidth
/// <c>"ＮＳＥ"</c> are all <c>NSE</c>. Names that are empty, blank, longer than <see cref="MaxLength"/> characters
/// or that contain control, format or line-breaking characters (<c>"N\u200BSE"</c>, <c>"NSE\0"</c>) are refused.
/// </summary>
/// <remarks>
/// The position books, the cooldowns, the order-rate limiter, metrics, status and the Redis ledger's keys all key
/// their state by <see cref="Value"/>, so no spelling of a name reaches a second set of limits. A name that is
/// already canonical (printable ASCII without lower-case letters or surrounding spaces) is recognised without
/// allocating, and its <see cref="Value"/> is the very string passed in. Any other accepted spelling (<c>"nse"</c>,
/// <c>" NSE"</c>, <c>"BÖRSE"</c>) is normalised once and remembered, so it is recognised without allocating from then
/// on. At most 1,024 spellings are remembered per process; past that the memory starts again, so only a process
/// cycling through more spellings than that keeps normalising (the same answer, a few hundred bytes each time).
/// </remarks>
public readonly struct ExchangeName : IEquatable<ExchangeName>
{
    /// <summary>The most characters a canonical name may have.</summary>
    public const int MaxLength = 32;

    /// <summary>The longest trimmed text that is normalised at all; longer text is refused as over-long without being read.</summary>
    private const int MaxRawLength = 4 * MaxLength;

    /// <summary>How many accepted spellings that are not canonical ASCII are remembered with their canonical form.</summary>
    internal const int MaxRememberedSpellings = 1024;

    /// <summary>Accepted spellings already normalised, each with its canonical form (one instance per canonical name).</summary>
    private static readonly ConcurrentDictionary<string, string> Remembered = new(StringComparer.Ordinal);

    private static int _rememberedCount;

    private readonly string? _value;

    private ExchangeName(string value) => _value = value;

    /// <summary>The canonical name; empty only for <c>default(ExchangeName)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <c>default(ExchangeName)</c>, which names no exchange.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Applies the identity rule to <paramref name="text"/>.</summary>
    /// <param name="text">A spelling of the name, e.g. <c>" nse"</c>.</param>
    /// <param name="name">The canonical name when the text is acceptable; otherwise <c>default</c>.</param>
    /// <returns>True when the text names an exchange.</returns>
    public static bool TryParse(string? text, out ExchangeName name) => TryParse(text, out name, out _);

    /// <summary>Applies the identity rule to <paramref name="text"/>, saying why it was refused.</summary>
    /// <param name="text">A spelling of the name.</param>
    /// <param name="name">The canonical name when the text is acceptable; otherwise <c>default</c>.</param>
    /// <param name="problem">Why the text was refused, as a sentence naming the offending character; null when accepted.</param>
    /// <returns>True when the text names an exchange.</returns>
    public static bool TryParse(string? text, out ExchangeName name, out string? problem)
    {
        var refusal = Canonicalize(text, out var canonical, out var detail);
        name = refusal == ExchangeNameProblem.None ? new ExchangeName(canonical!) : default;
        problem = refusal == ExchangeNameProblem.None ? null : Describe(text, refusal, detail);
        return refusal == ExchangeNameProblem.None;
    }

    /// <summary>Applies the identity rule to <paramref name="text"/>.</summary>
    /// <param name="text">A spelling of the name.</param>
    /// <returns>The canonical name.</returns>
    /// <exception cref="ArgumentException">The text names no exchange; the message says why.</exception>
    public static ExchangeName Parse(string? text) => Parse(text, nameof(text));

    /// <summary>Applies the identity rule to an argument, throwing for the caller's parameter when it is refused.</summary>
    /// <param name="text">A spelling of the name.</param>
    /// <param name="parameterName">The caller's parameter, named in the exception.</param>
    /// <returns>The canonical name.</returns>
    /// <exception cref="ArgumentException">The text names no exchange; the message says why.</exception>
    public static ExchangeName Parse(string? text, string parameterName)
    {
        var refusal = Canonicalize(text, out var canonical, out var detail);
        return refusal == ExchangeNameProblem.None
            ? new ExchangeName(canonical!)
            : throw new ArgumentException(Describe(text, refusal, detail), parameterName);
    }

    /// <summary>Compares canonical names (ordinal).</summary>
    /// <param name="other">The other name.</param>
    /// <returns>True when both name the same exchange.</returns>
    public bool Equals(ExchangeName other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ExchangeName other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The canonical name.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    /// <summary>Compares canonical names.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns>True when both name the same exchange.</returns>
    public static bool operator ==(ExchangeName left, ExchangeName right) => left.Equals(right);

    /// <summary>Compares canonical names.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns>True when they name different exchanges.</returns>
    public static bool operator !=(ExchangeName left, ExchangeName right) => !left.Equals(right);

    /// <summary>The canonical name as a string.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator string(ExchangeName name) => name.Value;

    /// <summary>
    /// The rule itself. Returns <see cref="ExchangeNameProblem.None"/> with the canonical text, or the problem with a
    /// figure describing it (the offending code point, or the length).
    /// </summary>
    internal static ExchangeNameProblem Canonicalize(string? text, out string? canonical, out int detail)
    {
        canonical = null;
        detail = 0;
        if (text is null)
        {
            return ExchangeNameProblem.Missing;
        }

        if (IsCanonicalAscii(text))
        {
            canonical = text;
            return ExchangeNameProblem.None;
        }

        if (Remembered.TryGetValue(text, out var known))
        {
            canonical = known;
            return ExchangeNameProblem.None;
        }

        var problem = Normalize(text, out canonical, out detail);
        if (problem == ExchangeNameProblem.None)
        {
            canonical = Remember(text, canonical!);
        }

        return problem;
    }

    /// <summary>
    /// Remembers an accepted spelling with its canonical form while there is room, and returns the canonical instance
    /// every spelling of that name shares (so a table keyed by it matches on the first, by-reference comparison).
    /// </summary>
    private static string Remember(string spelling, string canonical)
    {
        if (Volatile.Read(ref _rememberedCount) >= MaxRememberedSpellings)
        {
            // Full: start again, so the spellings in use now are remembered whatever came before them.
            Remembered.Clear();
            Volatile.Write(ref _rememberedCount, 0);
        }

        // The canonical form is a spelling of itself; it goes in first so every other spelling maps to that instance.
        if (Remembered.TryAdd(canonical, canonical))
        {
            Interlocked.Increment(ref _rememberedCount);
        }
        else if (Remembered.TryGetValue(canonical, out var shared))
        {
            canonical = shared;
        }

        if (Remembered.TryAdd(spelling, canonical))
        {
            Interlocked.Increment(ref _rememberedCount);
        }

        return canonical;
    }

    /// <summary>The rule for a spelling that is not canonical ASCII: trim, refuse, normalise, refuse again.</summary>
    private static ExchangeNameProblem Normalize(string text, out string? canonical, out int detail)
    {
        canonical = null;
        detail = 0;

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0)
        {
            return text.Length == 0 ? ExchangeNameProblem.Empty : ExchangeNameProblem.Blank;
        }

        if (trimmed.Length > MaxRawLength)
        {
            detail = trimmed.Length;
            return ExchangeNameProblem.TooLong;
        }

        var problem = FindForbidden(trimmed, spacesChecked: false, out detail);
        if (problem != ExchangeNameProblem.None)
        {
            return problem;
        }

        string normalized;
        try
        {
            normalized = trimmed.ToString().Normalize(NormalizationForm.FormKC).ToUpperInvariant();
            if (!normalized.IsNormalized(NormalizationForm.FormKC))
            {
                // Upper-casing can leave text that normalises further; normalise again so the rule is idempotent.
                normalized = normalized.Normalize(NormalizationForm.FormKC);
            }
        }
        catch (ArgumentException)
        {
            // The platform's Unicode data refuses a code point this runtime's tables call assigned: not a name.
            return ExchangeNameProblem.InvalidUnicode;
        }

        // Compatibility forms can hide white space or control characters (a fullwidth space is a space).
        var result = normalized.AsSpan().Trim();
        if (result.Length == 0)
        {
            return ExchangeNameProblem.Blank;
        }

        problem = FindForbidden(result, spacesChecked: true, out detail);
        if (problem != ExchangeNameProblem.None)
        {
            return problem;
        }

        if (result.Length > MaxLength)
        {
            detail = result.Length;
            return ExchangeNameProblem.TooLong;
        }

        canonical = result.Length == normalized.Length ? normalized : result.ToString();
        return ExchangeNameProblem.None;
    }

    /// <summary>A sentence saying why <paramref name="text"/> names no exchange.</summary>
    internal static string Describe(string? text, ExchangeNameProblem problem, int detail) => "The " + Phrase(text, problem, detail) + ".";

    /// <summary>Why <paramref name="text"/> names no exchange, as a phrase (<c>exchange name "N\u200BSE" contains ...</c>); shared by exceptions and refusals.</summary>
    internal static string Phrase(string? text, ExchangeNameProblem problem, int detail)
    {
        var shown = text is null ? "null" : "\"" + Escape(text) + "\"";
        return problem switch
        {
            ExchangeNameProblem.Missing => "exchange name is missing (null)",
            ExchangeNameProblem.Empty => "exchange name is empty",
            ExchangeNameProblem.Blank => "exchange name " + shown + " is blank",
            ExchangeNameProblem.TooLong => Invariant($"exchange name {shown} has {detail} characters; at most {MaxLength} are allowed"),
            ExchangeNameProblem.ControlCharacter => Invariant($"exchange name {shown} contains the control character U+{detail:X4}"),
            ExchangeNameProblem.FormatCharacter => Invariant($"exchange name {shown} contains the invisible format character U+{detail:X4}"),
            ExchangeNameProblem.WhiteSpace => Invariant($"exchange name {shown} contains the white space U+{detail:X4} (only a plain space may appear inside a name)"),
            ExchangeNameProblem.InvalidUnicode => Invariant($"exchange name {shown} is not valid Unicode (a lone surrogate U+{detail:X4})"),
            ExchangeNameProblem.Unassigned => Invariant($"exchange name {shown} contains U+{detail:X4}, which is not an assigned character"),
            _ => "exchange name " + shown + " is not acceptable",
        };
    }

    /// <summary>The text with every character outside printable ASCII written as <c>\uXXXX</c>, so a log shows what is invisible.</summary>
    internal static string Escape(string text)
    {
        var limit = Math.Min(text.Length, MaxRawLength);
        var builder = new StringBuilder(limit + 8);
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~' && c != '"' && c != '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return limit < text.Length ? builder.Append('…').ToString() : builder.ToString();
    }

    /// <summary>Printable ASCII, no lower-case letter, no space at either end, 1 to <see cref="MaxLength"/> characters: already canonical (null is not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsCanonicalAscii([NotNullWhen(true)] string? text)
    {
        if (text is null || text.Length is 0 or > MaxLength || text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or (>= 'a' and <= 'z'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first character no name may contain. White space other than a plain space is judged only after
    /// normalisation (<paramref name="spacesChecked"/>), since NFKC turns a no-break or fullwidth space into a space.
    /// </summary>
    private static ExchangeNameProblem FindForbidden(ReadOnlySpan<char> text, bool spacesChecked, out int codePoint)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            codePoint = c;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1]));
                    codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    i++;
                    if (category is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned)
                    {
                        return category == UnicodeCategory.Format ? ExchangeNameProblem.FormatCharacter : ExchangeNameProblem.Unassigned;
                    }

                    continue;
                }

                return ExchangeNameProblem.InvalidUnicode;
            }

            if (char.IsLowSurrogate(c))
            {
                return ExchangeNameProblem.InvalidUnicode;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                    return ExchangeNameProblem.ControlCharacter;
                case UnicodeCategory.Format:
                    return ExchangeNameProblem.FormatCharacter;
                case UnicodeCategory.OtherNotAssigned:
                    return ExchangeNameProblem.Unassigned;
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    return ExchangeNameProblem.WhiteSpace;
                case UnicodeCategory.SpaceSeparator when spacesChecked && c != ' ':
                    return ExchangeNameProblem.WhiteSpace;
            }
        }

        codePoint = 0;
        return ExchangeNameProblem.None;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
