using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskSdk.Monitoring;

/// <summary>Writes a <see cref="TimeSpan"/> as a number of seconds (and reads one back), as the status JSON does.</summary>
public sealed class SecondsConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc/>
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.TotalSeconds);
    }
}
