using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Tests.Persistence;

/// <summary>Wraps a storage provider and fails every operation while <see cref="Failing"/> is set: a storage outage on demand.</summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public volatile bool Failing;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Failing ? throw Outage() : inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Failing ? throw Outage() : inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Failing ? throw Outage() : inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);

    private static IOException Outage() => new("storage is down (injected outage)");
}
