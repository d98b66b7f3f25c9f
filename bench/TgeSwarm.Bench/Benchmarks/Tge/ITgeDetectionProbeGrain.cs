namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>The detection figure's observer of the TGE streams (one activation, key 0).</summary>
internal interface ITgeDetectionProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Subscribes to <c>tge.events/all</c> and to <c>tge.raw</c> of each source; answers the hosting silo.</summary>
    Task<string> WatchAsync(IReadOnlyList<string> sourceIds, CancellationToken cancellationToken);
}
