using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Ingestion;

/// <summary>
/// A shard's connection lives as long as its activation: started on activation when settings are persisted, stopped
/// on deactivation. A keep-alive timer holds a running shard's activation against idle collection, and a reminder
/// (which outlives silos) reactivates it wherever its key is placed after the silo that held it is lost.
/// </summary>
internal sealed partial class IngestionGrain(
    [PersistentState("shard", PersistentStateAttribute.DefaultStorageName)] IPersistentState<IngestionShardState> state,
    IHttpClientFactory httpClients,
    IOptions<MarketIngestionOptions> options,
    TimeProvider time,
    MarketInstruments instruments,
    ILoggerFactory loggers,
    ILogger<IngestionGrain> logger)
    : Grain, IIngestionGrain, IRemindable
{
    public const string KeepAliveReminder = "ingestion-keepalive";

    private IngestionConnection? _connection;
    private IGrainTimer? _keepAlive;

    private string Shard => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Settings is { } settings)
        {
            Connect(settings);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await DisconnectAsync();

    public async Task StartAsync(IngestionShardSettings settings, CancellationToken cancellationToken)
    {
        IngestionSettingsValidator.Validate(Shard, settings);
        state.State.Settings = settings;
        await state.WriteStateAsync(cancellationToken);
        var period = options.Value.KeepAlivePeriod;
        await RegisterOrUpdateReminder(KeepAliveReminder, period, period);
        await DisconnectAsync();
        Connect(settings);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await DisconnectAsync();
        if (state.State.Settings is not null)
        {
            state.State.Settings = null;
            await state.WriteStateAsync(cancellationToken);
        }

        if (await GetReminder(KeepAliveReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        Log.Stopped(logger, Shard);
    }

    public Task<IngestionShardStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { } connection)
        {
            return Task.FromResult(new IngestionShardStatus(Shard, "stopped", RuntimeIdentity, state.State.Settings, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }

        var feed = connection.Connector.FeedStatistics;
        var socket = connection.Connector.Statistics;
        return Task.FromResult(new IngestionShardStatus(
            Shard,
            connection.Loop.IsFaulted ? "failed" : connection.Connector.State.ToString().ToLowerInvariant(),
            RuntimeIdentity,
            connection.Settings,
            feed.Frames,
            feed.Trades,
            feed.Books,
            feed.Gaps,
            feed.Resyncs,
            feed.ChecksumFailed,
            feed.Rejected,
            socket.Connects,
            socket.LastFrameAt));
    }

    // The tick itself is the point: it activates the shard, and activation reconnects.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private void Connect(IngestionShardSettings settings)
    {
        var venue = IngestionSettingsValidator.Validate(Shard, settings);
        var stream = this.GetStreamProvider(MarketStreamNames.Provider)
            .GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Raw, settings.Venue));
        var publisher = new IngestionPublisher(venue, stream, instruments);
        _connection = new IngestionConnection(settings, venue, publisher, httpClients.CreateClient(nameof(IngestionGrain)), time, loggers);
        _keepAlive ??= RegisterGrainTimer(CheckLoopAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)) { KeepAlive = true });
        Log.Started(logger, Shard, settings.WebSocketUrl, settings.Instruments.Count);
    }

    // A loop that died of a bug would leave a shard that looks started and reads nothing: restart it, loudly.
    private async Task CheckLoopAsync(CancellationToken cancellationToken)
    {
        if (_connection is { Loop.IsFaulted: true } failed)
        {
            Log.LoopFailed(logger, failed.Loop.Exception!.GetBaseException(), Shard);
            var settings = failed.Settings;
            await DisconnectAsync();
            Connect(settings);
        }
    }

    private async Task DisconnectAsync()
    {
        _keepAlive?.Dispose();
        _keepAlive = null;
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The loop's failure was already logged by the check that restarts it, or is being replaced now.
                Log.LoopFailed(logger, exception, Shard);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Ingestion shard {Shard} connecting to {Url} for {Instruments} instruments")]
        public static partial void Started(ILogger logger, string shard, string url, int instruments);

        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Ingestion shard {Shard} stopped")]
        public static partial void Stopped(ILogger logger, string shard);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Ingestion shard {Shard}: the connection loop failed; restarting it")]
        public static partial void LoopFailed(ILogger logger, Exception exception, string shard);
    }
}
