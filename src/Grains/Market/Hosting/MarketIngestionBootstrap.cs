using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>Starts the configured ingestion shards once the silo is active (grain calls need an active silo).</summary>
internal sealed partial class MarketIngestionBootstrap(
    IOptions<MarketIngestionOptions> options, IGrainFactory grains, ILogger<MarketIngestionBootstrap> logger) : ISiloLifecycleParticipant
{
    public int Stage => SiloLifecycleStage.Active + 100;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, shard) in options.Value.Shards)
        {
            var settings = shard.ToSettings();
            await grains.GetGrain<IIngestionGrain>(key).StartAsync(settings, cancellationToken);
            Log.ShardStarted(logger, key, shard.Venue, shard.WebSocketUrl);
        }
    }

    // Shards are grains: they stop with their activations, and come back by reminder wherever they are placed next.
    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Started configured ingestion shard {Shard} ({Venue} at {Url})")]
        public static partial void ShardStarted(ILogger logger, string shard, string venue, string url);
    }
}
