namespace RiskSdk.Generators.Configuration;

/// <summary>How a setting is parsed; mirrors the runtime's <c>RiskSdk.Configuration.VariableKind</c> member for member.</summary>
internal enum SettingKind
{
    Boolean,
    WholeNumber,
    LongInteger,
    Number,
    DecimalNumber,
    Seconds,
    Enum,
    Text,
}
