namespace RiskSdk.Generators.Configuration;

/// <summary>
/// The SDK's ready auto-execution settings, added to a class marked <c>[AutoExecSettings]</c>: the seed app's variable
/// names and defaults, the runtime's own knobs, the risk profile and the position ledger.
/// </summary>
internal static class AutoExecStandardSettings
{
    private const string RiskProfileType = "global::RiskSdk.RiskProfile";
    private const string LedgerType = "global::RiskSdk.Configuration.RiskLedgerKind";
    private const string TimeSpanType = "global::System.TimeSpan";

    private static readonly RangeModel Fraction = new(0, 1, false, false);
    private static readonly RangeModel PositionCap = new(0, 1000, false, false);
    private static readonly RangeModel Cooldown = new(0, 86400, false, false);

    public static readonly EquatableArray<SettingPropertyModel> Properties = new(new[]
    {
        Enum("RiskProfile", "RISK_PROFILE", RiskProfileType, new[] { "Conservative", "Moderate", "Aggressive" }, nullable: true, null,
            "The ready-made risk profile (conservative, moderate or aggressive) whose open-position caps, high-confidence threshold and cooldowns apply where their own variables are not set; unset keeps the defaults (the moderate values).",
            new StandardSettingModel(null, null, FollowsProfile: false, IsProfileSelector: true)),
        Setting("AutoExecEnabled", "AUTO_EXEC_ENABLED", SettingKind.Boolean, "bool", null, "true", "AutoExecEnabled", false,
            "The kill switch: false starts with trading halted (orders that reduce a position still pass)."),
        Setting("PaperMode", "AUTO_EXEC_PAPER_MODE", SettingKind.Boolean, "bool", null, "false", "PaperMode", false,
            "True sends orders to a paper broker; the gates behave the same."),
        Setting("MinConfidence", "AUTO_EXEC_MIN_CONFIDENCE", SettingKind.Number, "double", Fraction, "0.7", "MinConfidence", false,
            "The lowest signal confidence that may open a position."),
        Setting("MinKellyFraction", "AUTO_EXEC_MIN_KELLY_FRACTION", SettingKind.Number, "double", Fraction, "0.15", "MinKellyFraction", false,
            "The lowest Kelly fraction that may open a position."),
        Setting("MaxLotsPerOrder", "AUTO_EXEC_MAX_POSITION_SIZE_LOTS", SettingKind.WholeNumber, "int", new RangeModel(1, 10000, false, false), "4", "MaxLotsPerOrder", false,
            "The most lots a single order may carry."),
        Setting("MaxNetDelta", "AUTO_EXEC_MAX_NET_DELTA", SettingKind.Number, "double", new RangeModel(0, null, false, false), null, "MaxNetDelta", false,
            "The largest allowed absolute portfolio net delta after an order; unset turns the check off.", nullable: true),
        Setting("SessionDrawdownStop", "AUTO_EXEC_SESSION_DRAWDOWN_STOP", SettingKind.Number, "double", new RangeModel(0, null, true, false), null, "SessionDrawdownStop", false,
            "The session loss (a positive amount) at which new positions stop until the session is reset; unset turns the check off.", nullable: true),
        Setting("MaxOpenPositions", "AUTO_EXEC_MAX_OPEN_POSITIONS", SettingKind.WholeNumber, "int", PositionCap, "2", "MaxOpenPositions", true,
            "The open-position cap per exchange at normal confidence."),
        Setting("MaxOpenPositionsHighConfidence", "AUTO_EXEC_MAX_OPEN_POSITIONS_HIGH_CONF", SettingKind.WholeNumber, "int", PositionCap, "3", "MaxOpenPositionsHighConfidence", true,
            "The open-position cap per exchange for signals at or above the high-confidence threshold, and the hard ceiling in every case; at least the normal cap.",
            rule: "MaxOpenPositions"),
        Setting("HighConfidenceThreshold", "AUTO_EXEC_HIGH_CONFIDENCE_THRESHOLD", SettingKind.Number, "double", Fraction, "0.95", "HighConfidenceThreshold", true,
            "The confidence from which the high-confidence cap applies; at least the minimum confidence.",
            rule: "MinConfidence"),
        Setting("CooldownWithPositions", "AUTO_EXEC_COOLDOWN_WITH_POSITIONS", SettingKind.Seconds, TimeSpanType, Cooldown, TimeSpanType + ".FromSeconds(300)", "CooldownWithPositions", true,
            "Seconds since the last trade that must pass while the exchange has open or pending positions."),
        Setting("SignalCooldown", "ML_SIGNAL_COOLDOWN_SECONDS", SettingKind.Seconds, TimeSpanType, Cooldown, TimeSpanType + ".FromSeconds(30)", "SignalCooldown", true,
            "Seconds since the last trade that must pass while the exchange is flat."),
        Setting("HighVolatilityScale", "AUTO_EXEC_HIGH_VOLATILITY_SCALE", SettingKind.Number, "double", Fraction, "0.5", "HighVolatilityScale", false,
            "The factor both open-position caps are multiplied by in a high-volatility regime, rounding down."),
        Setting("MaxOrdersPerSecond", "AUTO_EXEC_MAX_ORDERS_PER_SECOND", SettingKind.WholeNumber, "int", new RangeModel(1, 10000, false, false), "10", "MaxOrdersPerSecond", false,
            "The most orders per exchange in any one-second window (the exchange's algo threshold)."),
        Setting("ReservationTimeout", "AUTO_EXEC_RESERVATION_TIMEOUT_SECONDS", SettingKind.Seconds, TimeSpanType, new RangeModel(0, 3600, true, false), TimeSpanType + ".FromSeconds(30)", "ReservationTimeout", false,
            "Seconds a position-slot reservation may stay neither committed nor released before its slot is given back."),
        Enum("Ledger", "RISK_LEDGER", LedgerType, new[] { "Memory", "Redis" }, nullable: false, LedgerType + ".Memory",
            "Where open positions are counted: memory (this process) or redis (shared by every process using the same Redis).",
            new StandardSettingModel(LedgerType + ".Memory", null, FollowsProfile: false, IsProfileSelector: false)),
        new SettingPropertyModel(
            "LedgerConnection", "RISK_LEDGER_CONNECTION", SettingKind.Text, "string", IsNullable: true, EquatableArray<string>.Empty, null,
            IsRequired: false, IsSecret: true,
            "The Redis connection string of the shared position ledger.",
            EquatableArray<CrossFieldRuleModel>.Empty,
            new EquatableArray<RequiredWhenModel>(new[] { new RequiredWhenModel("Ledger", LedgerType + ".Redis", "redis") }),
            new StandardSettingModel(null, null, FollowsProfile: false, IsProfileSelector: false)),
    });

    /// <summary>The variable names of the standard set, so a user property reading one of them is reported as a duplicate.</summary>
    public static bool Contains(string variableName)
    {
        foreach (var property in Properties)
        {
            if (property.VariableName == variableName)
            {
                return true;
            }
        }

        return false;
    }

    private static SettingPropertyModel Setting(
        string property, string variable, SettingKind kind, string type, RangeModel? range, string? defaultExpression, string riskSettingsMember,
        bool followsProfile, string description, bool nullable = false, string? rule = null) =>
        new(property, variable, kind, type, nullable, EquatableArray<string>.Empty, range, IsRequired: false, IsSecret: false,
            followsProfile ? description + " RISK_PROFILE supplies it when unset." : description,
            rule is null ? EquatableArray<CrossFieldRuleModel>.Empty : new EquatableArray<CrossFieldRuleModel>(new[] { new CrossFieldRuleModel(AtLeast: true, rule) }),
            EquatableArray<RequiredWhenModel>.Empty,
            new StandardSettingModel(defaultExpression, riskSettingsMember, followsProfile, IsProfileSelector: false));

    private static SettingPropertyModel Enum(
        string property, string variable, string type, string[] members, bool nullable, string? defaultExpression, string description, StandardSettingModel standard) =>
        new(property, variable, SettingKind.Enum, type, nullable, new EquatableArray<string>(members), null, IsRequired: false, IsSecret: false, description,
            EquatableArray<CrossFieldRuleModel>.Empty, EquatableArray<RequiredWhenModel>.Empty, standard with { DefaultExpression = defaultExpression });
}
