using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>
/// Grain storage in memory (JSON snapshots, as PostgreSQL keeps them) that fails every read and write of one state
/// name while a test says so (with the memory grains' state, a namespace can neither activate nor write), or holds
/// its reads until released (a namespace whose activation never finishes, so calls to it get no answer).
/// </summary>
internal sealed class SwitchableMemoryStorage(string failingState) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), (byte[] Json, long Version)> _records = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _failing;
    private volatile bool _holding;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Reads of the state wait from now until <see cref="Release"/>.</summary>
    public void Hold() => _holding = true;

    public void Release()
    {
        _holding = false;
        _released.TrySetResult();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (_holding && stateName == failingState)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        ThrowIfFailing(stateName, grainId);
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = JsonSerializer.Deserialize<T>(record.Json)!;
            grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ThrowIfFailing(stateName, grainId);
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
        ThrowIfFailing(stateName, grainId);
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private void ThrowIfFailing(string stateName, GrainId grainId)
    {
        if (_failing && stateName == failingState)
        {
            throw new GrainStorageException($"Storage of {stateName} fails in this test ({grainId}).");
        }
    }
}
