namespace RiskSdk.Configuration;

/// <summary>How a variable's text is parsed.</summary>
public enum VariableKind
{
    /// <summary>true/false, 1/0, yes/no (any case).</summary>
    Boolean = 0,

    /// <summary>A 32-bit integer.</summary>
    WholeNumber = 1,

    /// <summary>A 64-bit integer.</summary>
    LongInteger = 2,

    /// <summary>A finite floating-point number (invariant culture).</summary>
    Number = 3,

    /// <summary>A decimal number (invariant culture).</summary>
    DecimalNumber = 4,

    /// <summary>A non-negative duration written as a number of seconds.</summary>
    Seconds = 5,

    /// <summary>One of an enum's member names (any case).</summary>
    Enum = 6,

    /// <summary>Any text.</summary>
    Text = 7,
}
