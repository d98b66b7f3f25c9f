using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Grains.Tests.Support;

/// <summary>
/// Grain storage in memory (JSON snapshots, as PostgreSQL keeps them) that a test can make fail or stall, for every
/// state or, given <paramref name="onlyState"/>, for that state name alone: <see cref="FailWrites"/> fails writes (a
/// grain that cannot persist a change), <see cref="FailEverything"/> fails reads, writes and clears (a grain that can
/// neither activate nor write), <see cref="HoldReads"/> makes reads wait until <see cref="Release"/> (an activation that
/// never finishes, so calls to it get no answer).
/// </summary>
internal sealed class SwitchableGrainStorage(string? onlyState = null) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), (byte[] Json, long Version)> _records = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _failWrites;
    private volatile bool _failEverything;
    private volatile bool _holding;

    public bool FailWrites
    {
        get => _failWrites;
        set => _failWrites = value;
    }

    public bool FailEverything
    {
        get => _failEverything;
        set => _failEverything = value;
    }

    /// <summary>Reads wait from now until <see cref="Release"/>.</summary>
    public void HoldReads() => _holding = true;

    public void Release()
    {
        _holding = false;
        _released.TrySetResult();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (_holding && Applies(stateName))
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        ThrowIf(_failEverything, stateName, grainId);
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = JsonSerializer.Deserialize<T>(record.Json)!;
            grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ThrowIf(_failEverything || _failWrites, stateName, grainId);
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
        ThrowIf(_failEverything, stateName, grainId);
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private bool Applies(string stateName) => onlyState is null || stateName == onlyState;

    private void ThrowIf(bool failing, string stateName, GrainId grainId)
    {
        if (failing && Applies(stateName))
        {
            throw new GrainStorageException($"Storage of {stateName} fails in this test ({grainId}).");
        }
    }
}
