namespace RiskSdk.Configuration;

/// <summary>How serious a configuration problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The settings are not usable; binding returns no settings (fail closed).</summary>
    Error = 0,

    /// <summary>Worth fixing, but the settings are usable (for example a variable that looks mistyped).</summary>
    Warning = 1,
}
