using System.Collections.Concurrent;
using System.Globalization;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Persistence;

/// <summary>
/// Grain storage in this process's memory, for tests and the embedded default. It keeps serialized snapshots, not
/// the grain's objects, so it behaves like a real store: a grain mutating its state after a write does not change
/// what is stored, and a type without a codec fails here as it would against PostgreSQL. ETags are versions
/// checked exactly as the <see cref="IGrainStorage"/> contract says.
/// </summary>
internal sealed class MemoryGrainStorage(SwarmSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Entry> _records = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_records.TryGetValue((stateName, grainId), out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Payload);
            grainState.ETag = entry.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var payload = serializer.SerializeToArray(grainState.State);
        var key = (stateName, grainId);
        var expected = ParseETag(grainState.ETag, grainId, stateName);
        long written;
        if (expected is null)
        {
            if (!_records.TryAdd(key, new Entry(payload, 1)))
            {
                throw Conflict(grainId, stateName, grainState.ETag, Current(key));
            }

            written = 1;
        }
        else
        {
            if (!_records.TryGetValue(key, out var current) || current.Version != expected.Value
                || !_records.TryUpdate(key, new Entry(payload, expected.Value + 1), current))
            {
                throw Conflict(grainId, stateName, grainState.ETag, Current(key));
            }

            written = expected.Value + 1;
        }

        grainState.ETag = written.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (stateName, grainId);
        var expected = ParseETag(grainState.ETag, grainId, stateName);
        if (_records.TryGetValue(key, out var current))
        {
            if (expected != current.Version || !_records.TryRemove(new KeyValuePair<(string, GrainId), Entry>(key, current)))
            {
                throw Conflict(grainId, stateName, grainState.ETag, Current(key));
            }
        }
        else if (expected is not null)
        {
            throw Conflict(grainId, stateName, grainState.ETag, null);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string? Current((string, GrainId) key) =>
        _records.TryGetValue(key, out var entry) ? entry.Version.ToString(CultureInfo.InvariantCulture) : null;

    private static long? ParseETag(string? etag, GrainId grainId, string stateName) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"ETag '{etag}' of state '{stateName}' of grain {grainId} was not issued by memory storage.");

    private static InconsistentStateException Conflict(GrainId grainId, string stateName, string? expected, string? stored) =>
        new($"State '{stateName}' of grain {grainId} changed in storage: expected version {expected ?? "(none)"}, stored version {stored ?? "(none)"}.");

    private sealed record Entry(byte[] Payload, long Version);
}
