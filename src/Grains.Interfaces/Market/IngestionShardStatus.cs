using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>A shard's connection and what its feed counted since the activation started it.</summary>
/// <param name="State">stopped, connecting, subscribing, streaming or backoff.</param>
/// <param name="Silo">The silo whose activation owns the connection.</param>
/// <param name="LastFrameAt">UTC microseconds of the last frame received; 0 before the first.</param>
[GenerateSerializer]
[Immutable]
public sealed record IngestionShardStatus(
    [property: Id(0)] string Shard,
    [property: Id(1)] string State,
    [property: Id(2)] string Silo,
    [property: Id(3)] IngestionShardSettings? Settings,
    [property: Id(4)] long Frames,
    [property: Id(5)] long Trades,
    [property: Id(6)] long Books,
    [property: Id(7)] long Gaps,
    [property: Id(8)] long Resyncs,
    [property: Id(9)] long ChecksumFailed,
    [property: Id(10)] long Rejected,
    [property: Id(11)] long Connects,
    [property: Id(12)] long LastFrameAt);
