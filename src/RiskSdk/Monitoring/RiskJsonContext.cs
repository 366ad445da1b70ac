using System.Text.Json.Serialization;

namespace RiskSdk.Monitoring;

/// <summary>
/// The source-generated <c>System.Text.Json</c> metadata for the status types: camelCase names, enums as strings,
/// durations as seconds. No reflection, so a snapshot serialises in a trimmed or native-AOT app:
/// <c>JsonSerializer.Serialize(snapshot, RiskJsonContext.Default.RiskSnapshot)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = new[] { typeof(SecondsConverter) })]
[JsonSerializable(typeof(RiskSnapshot))]
[JsonSerializable(typeof(TradingStatus))]
[JsonSerializable(typeof(DecisionRecord))]
public sealed partial class RiskJsonContext : JsonSerializerContext;
