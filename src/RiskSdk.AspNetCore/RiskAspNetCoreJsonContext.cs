using System.Text.Json.Serialization;
using RiskSdk.Monitoring;

namespace RiskSdk.AspNetCore;

/// <summary>Source-generated JSON for the control endpoints' bodies, with the same conventions as <see cref="RiskJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true,
    Converters = new[] { typeof(SecondsConverter) })]
[JsonSerializable(typeof(TradingControlRequest))]
[JsonSerializable(typeof(TradingControlResult))]
internal sealed partial class RiskAspNetCoreJsonContext : JsonSerializerContext;
