using System.Text.Json;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>
/// Encodes states in the configured format and decodes whichever column a row has set, so switching
/// <see cref="PostgresGrainStorageOptions.StateFormat"/> never strands rows written before the switch.
/// </summary>
internal sealed class GrainStatePayloadCodec(GrainStateFormat format, JsonSerializerOptions? jsonOptions)
{
    private readonly JsonSerializerOptions _jsonOptions = jsonOptions ?? JsonSerializerOptions.Default;

    public GrainStatePayload Encode<T>(T state) => format switch
    {
        GrainStateFormat.Json => new GrainStatePayload(JsonSerializer.Serialize(state, _jsonOptions), null),
        _ => throw new NotSupportedException($"State format {format} is not supported yet."),
    };

    /// <summary>Decodes a stored payload; a malformed one throws <see cref="JsonException"/> or <see cref="SerializationException"/>.</summary>
    public T Decode<T>(GrainStatePayload payload)
    {
        if (payload.Json is { } json)
        {
            return JsonSerializer.Deserialize<T>(json, _jsonOptions)!;
        }

        throw new SerializationException("The row holds a binary payload, which this provider cannot decode yet.");
    }
}
