using System.Text.Json;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Silo.Hosting;

namespace TgeSwarm.Silo.Market;

/// <summary>
/// Starts the replay exchange when the silo is active and has the queen spawn one ingestion shard per recorded
/// endpoint on it, so the shards are registered, watched and shown like any agent; stops the exchange with the silo.
/// The shards are ordinary grains: the same ones a real deployment points at the venues.
/// </summary>
internal sealed partial class MarketReplayHost(
    IOptions<MarketReplayOptions> options, IGrainFactory grains, ILoggerFactory loggers, TimeProvider time, ILogger<MarketReplayHost> logger)
    : ISiloLifecycleParticipant, IAsyncDisposable
{
    private static readonly ActionOrigin Origin = new("replay", "the embedded default's replay exchange");

    private readonly List<string> _shards = [];
    private ReplayExchange? _exchange;

    public int Stage => SiloLifecycleStage.Active + 90;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        var venues = options.Value.Venues.Count == 0
            ? [.. RecordedShards.Venues]
            : options.Value.Venues.Select(Parse).ToList();
        var exchangeOptions = new ReplayExchangeOptions { Speed = options.Value.Speed, Loop = true };
        foreach (var venue in venues)
        {
            exchangeOptions.Venues.Add(venue);
        }

        _exchange = await ReplayExchange.StartAsync(exchangeOptions, loggers, time, cancellationToken);
        var queen = grains.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);
        foreach (var (key, settings) in RecordedShards.For(_exchange))
        {
            try
            {
                await queen.SpawnAsync(AgentTypes.Ingestion, key, JsonSerializer.Serialize(settings, JsonSerializerOptions.Web), Origin, cancellationToken);
                _shards.Add(key);
                Log.ShardOnReplay(logger, key, settings.WebSocketUrl, string.Join(',', settings.Instruments));
            }
            catch (AgentConflictException conflict)
            {
                // The queen's registry wins: an operator changed or halted the swarm since it was last started.
                Log.ShardLeftToQueen(logger, key, conflict.Message);
            }
        }
    }

    // The shards go first, so their connections close cleanly instead of losing the exchange under them. They are
    // stopped on the grains, not through the queen: a silo stopping is no operator's wish to stop them. A shard still
    // busy after the grace is unblocked by stopping the exchange under it.
    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        if (!await BoundedStop.AllAsync(_shards, key => grains.GetGrain<IIngestionGrain>(key).StopAsync(cancellationToken), time, cancellationToken))
        {
            Log.ShardsSlowToStop(logger, _shards.Count, BoundedStop.Grace);
        }

        if (_exchange is { } exchange)
        {
            await exchange.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_exchange is { } exchange)
        {
            await exchange.DisposeAsync();
        }
    }

    private static Venue Parse(string name) =>
        VenueNames.TryParse(name, out var venue) && RecordedShards.Venues.Contains(venue.Value)
            ? venue.Value
            : throw new OptionsValidationException(
                MarketReplayOptions.SectionName, typeof(MarketReplayOptions), [$"{MarketReplayOptions.SectionName}:Venues: '{name}' has no recorded session; use {string.Join(", ", RecordedShards.Venues.Select(VenueNames.Name))}."]);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Ingestion shard {Shard} replays the recorded session at {Url} ({Instruments})")]
        public static partial void ShardOnReplay(ILogger logger, string shard, string url, string instruments);

        [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Not all {Shards} replay shards stopped within {Grace}; stopping the exchange under the rest")]
        public static partial void ShardsSlowToStop(ILogger logger, int shards, TimeSpan grace);

        [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Ingestion shard {Shard} is left as the queen has it: {Reason}")]
        public static partial void ShardLeftToQueen(ILogger logger, string shard, string reason);
    }
}
