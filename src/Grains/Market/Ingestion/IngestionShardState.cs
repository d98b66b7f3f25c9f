using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Ingestion;

/// <summary>A shard's persisted state: the settings it was started with, or null when stopped.</summary>
[GenerateSerializer]
internal sealed class IngestionShardState
{
    [Id(0)]
    public IngestionShardSettings? Settings { get; set; }
}
