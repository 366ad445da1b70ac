namespace RiskSdk.Configuration;

/// <summary>What kind of configuration problem was found.</summary>
public enum ProblemKind
{
    /// <summary>A required variable is not set.</summary>
    Missing = 0,

    /// <summary>The value is not of the expected form (not a number, trailing text, NaN, overflow, unknown name).</summary>
    Malformed = 1,

    /// <summary>The value parsed but lies outside the allowed range.</summary>
    OutOfRange = 2,

    /// <summary>A rule between two settings is broken (for example a cap below another cap).</summary>
    CrossField = 3,

    /// <summary>A variable carries the prefix but is not known; it is close to a known one.</summary>
    UnknownVariable = 4,

    /// <summary>Reported by the class's own validation method.</summary>
    Custom = 5,
}
