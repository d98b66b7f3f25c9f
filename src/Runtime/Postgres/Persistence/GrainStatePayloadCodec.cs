using System.Text.Json;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>
/// Encodes states in the configured format and decodes whichever column a row has set, so switching
/// <see cref="PostgresGrainStorageOptions.StateFormat"/> never strands rows written before the switch.
/// </summary>
internal sealed class GrainStatePayloadCodec
{
    private readonly GrainStateFormat _format;
    private readonly JsonSerializerOptions _jsonOptions;
    private readonly SwarmSerializer? _serializer;

    /// <param name="serializer">Required for <see cref="GrainStateFormat.Binary"/>; with Json it only reads binary rows.</param>
    public GrainStatePayloadCodec(GrainStateFormat format, JsonSerializerOptions? jsonOptions, SwarmSerializer? serializer)
    {
        if (format == GrainStateFormat.Binary && serializer is null)
        {
            throw new ArgumentNullException(nameof(serializer), "The Binary state format needs the runtime's SwarmSerializer.");
        }

        _format = format;
        _jsonOptions = jsonOptions ?? JsonSerializerOptions.Default;
        _serializer = serializer;
    }

    public GrainStatePayload Encode<T>(T state) => _format == GrainStateFormat.Binary
        ? new GrainStatePayload(null, _serializer!.SerializeToArray(state))
        : new GrainStatePayload(JsonSerializer.SerializeToUtf8Bytes(state, _jsonOptions), null);

    /// <summary>Decodes a stored payload; a malformed one throws <see cref="JsonException"/> or <see cref="SerializationException"/>.</summary>
    public T Decode<T>(GrainStatePayload payload)
    {
        if (payload.Json is { } json)
        {
            return JsonSerializer.Deserialize<T>(json, _jsonOptions)!;
        }

        if (payload.Binary is { } binary)
        {
            return _serializer is { } serializer
                ? serializer.Deserialize<T>(binary)
                : throw new SerializationException("The row holds a binary payload and no SwarmSerializer is registered to read it.");
        }

        // The table's check constraint makes this unreachable unless someone dropped it.
        throw new SerializationException("The row holds no payload.");
    }
}
