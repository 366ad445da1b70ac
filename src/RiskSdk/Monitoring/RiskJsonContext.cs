using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

// The System.Text.Json generator marks each JsonTypeInfo property it emits nullable-oblivious on purpose; the API
// baseline records them with the "~" prefix, and RS0041 (public API uses oblivious types) is not reported for them.
[assembly: SuppressMessage("ApiDesign", "RS0041:Public members should not use oblivious types", Scope = "type", Target = "~T:RiskSdk.Monitoring.RiskJsonContext", Justification = "Emitted nullable-oblivious by the System.Text.Json source generator.")]

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
