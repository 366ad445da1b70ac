namespace RiskSdk;

/// <summary>Why a text names no exchange under the <see cref="ExchangeName"/> rule; the number travels in a refusal's figures.</summary>
internal enum ExchangeNameProblem
{
    /// <summary>The text is acceptable.</summary>
    None = 0,

    /// <summary>Null.</summary>
    Missing = 1,

    /// <summary>The empty string.</summary>
    Empty = 2,

    /// <summary>Only white space.</summary>
    Blank = 3,

    /// <summary>Longer than <see cref="ExchangeName.MaxLength"/> once trimmed and normalised.</summary>
    TooLong = 4,

    /// <summary>A control character (U+0000 to U+001F, U+007F to U+009F) inside the name.</summary>
    ControlCharacter = 5,

    /// <summary>An invisible format character (a zero-width space, a direction mark, ...).</summary>
    FormatCharacter = 6,

    /// <summary>White space other than a plain space inside the name (a line or paragraph separator, a tab-like space).</summary>
    WhiteSpace = 7,

    /// <summary>A lone surrogate: the text is not valid UTF-16.</summary>
    InvalidUnicode = 8,

    /// <summary>A code point Unicode has not assigned (or a noncharacter such as U+FFFF): it has no stable normal form.</summary>
    Unassigned = 9,
}
