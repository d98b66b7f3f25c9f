using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>Grain storage in memory (JSON snapshots, as PostgreSQL keeps them) whose writes fail while a test says so.</summary>
internal sealed class FailingGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), (byte[] Json, long Version)> _records = new();
    private volatile bool _failWrites;

    public bool FailWrites
    {
        get => _failWrites;
        set => _failWrites = value;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = JsonSerializer.Deserialize<T>(record.Json)!;
            grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (_failWrites)
        {
            throw new GrainStorageException($"Writes fail in this test ({stateName} of {grainId}).");
        }

        var version = _records.AddOrUpdate(
            (stateName, grainId),
            _ => (JsonSerializer.SerializeToUtf8Bytes(grainState.State), 1),
            (_, old) => (JsonSerializer.SerializeToUtf8Bytes(grainState.State), old.Version + 1)).Version;
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
