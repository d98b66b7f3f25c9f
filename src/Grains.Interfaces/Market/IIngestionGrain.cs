using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// One ingestion shard, keyed <c>venue#shard</c> (e.g. <c>binance#0</c>): owns one venue connection whose socket
/// loop runs outside grain turns and publishes batches of parsed events on <see cref="MarketStreamNames.Raw"/>.
/// Its settings are persisted and a reminder brings a started shard back after its silo is lost.
/// </summary>
public interface IIngestionGrain : IGrainWithStringKey
{
    /// <summary>Starts (or restarts with new settings) the connection. Bad settings fail with <see cref="ArgumentException"/> and change nothing.</summary>
    Task StartAsync(IngestionShardSettings settings, CancellationToken cancellationToken);

    /// <summary>Closes the connection and forgets the settings, so the shard stays down.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    [ReadOnly]
    Task<IngestionShardStatus> GetStatusAsync(CancellationToken cancellationToken);
}
