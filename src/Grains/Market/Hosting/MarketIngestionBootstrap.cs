using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Coordination.Queen;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>
/// Starts the configured ingestion shards once the silo is active (grain calls need an active silo). With coordination
/// added (<c>AddCoordination</c>) the shards are spawned through the queen, so she registers, watches and restarts them
/// like any other agent, and a halt holds across silo restarts; spawning is idempotent, so every silo of a cluster may
/// carry the same list. Without coordination the shards are started directly.
/// </summary>
internal sealed partial class MarketIngestionBootstrap(
    IOptions<MarketIngestionOptions> options, IGrainFactory grains, IServiceProvider services, ILogger<MarketIngestionBootstrap> logger) : ISiloLifecycleParticipant
{
    private static readonly ActionOrigin Origin = new("bootstrap", $"configured in {MarketIngestionOptions.SectionName}");

    public int Stage => SiloLifecycleStage.Active + 100;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        var queen = services.GetService<AgentDrivers>() is null ? null : grains.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);
        foreach (var (key, shard) in options.Value.Shards)
        {
            var settings = shard.ToSettings();
            if (queen is null)
            {
                await grains.GetGrain<IIngestionGrain>(key).StartAsync(settings, cancellationToken);
                Log.ShardStarted(logger, key, shard.Venue, shard.WebSocketUrl);
                continue;
            }

            try
            {
                var configuration = JsonSerializer.Serialize(settings, JsonSerializerOptions.Web);
                var agent = await queen.SpawnAsync(IngestionAgentDriver.Type, key, configuration, Origin, cancellationToken);
                Log.ShardSpawned(logger, key, shard.Venue, shard.WebSocketUrl, agent.ActualState);
            }
            catch (AgentConflictException conflict)
            {
                // The queen's registry wins over a silo's configuration: an operator changed or halted it since.
                Log.ShardLeftToQueen(logger, key, conflict.Message);
            }
        }
    }

    // Shards are grains: they stop with their activations, and come back by reminder wherever they are placed next.
    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Started configured ingestion shard {Shard} ({Venue} at {Url})")]
        public static partial void ShardStarted(ILogger logger, string shard, string venue, string url);

        [LoggerMessage(EventId = 5121, Level = LogLevel.Information, Message = "Spawned configured ingestion shard {Shard} ({Venue} at {Url}) through the queen: {State}")]
        public static partial void ShardSpawned(ILogger logger, string shard, string venue, string url, AgentState state);

        [LoggerMessage(EventId = 5122, Level = LogLevel.Warning, Message = "Configured ingestion shard {Shard} is left as the queen has it: {Reason}")]
        public static partial void ShardLeftToQueen(ILogger logger, string shard, string reason);
    }
}
