using Microsoft.Extensions.Logging;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Ingestion;

/// <summary>
/// One running venue connection of a shard: the connector's socket loop on the thread pool, outside any grain turn,
/// and the means to stop it. The activation owns it and stops it when it deactivates, so a connection never
/// outlives the activation that holds its settings.
/// </summary>
internal sealed class IngestionConnection : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public IngestionConnection(
        IngestionShardSettings settings, Venue venue, IFeedConsumer consumer, HttpClient http, TimeProvider time, ILoggerFactory loggers)
    {
        Settings = settings;
        var options = OptionsFor(settings, venue);

        Connector = new VenueConnector(options, consumer, http, time, loggers.CreateLogger<VenueConnector>());
        _loop = Task.Run(() => Connector.RunAsync(_stopping.Token));
    }

    public IngestionShardSettings Settings { get; }

    /// <summary>The connector's options for a shard's settings (which <see cref="IngestionSettingsValidator"/> checked).</summary>
    public static VenueConnectorOptions OptionsFor(IngestionShardSettings settings, Venue venue)
    {
        var options = new VenueConnectorOptions
        {
            Venue = venue,
            WebSocketUrl = new Uri(settings.WebSocketUrl),
            RestUrl = settings.RestUrl is null ? null : new Uri(settings.RestUrl),
            Trades = settings.Trades,
            Books = settings.Books,
            BookDepth = settings.BookDepth,
            TradeChannel = settings.TradeChannel,
        };
        foreach (var instrument in settings.Instruments)
        {
            options.Instruments.Add(instrument);
        }

        return options;
    }

    public VenueConnector Connector { get; }

    /// <summary>The loop's task: it ends only when stopped, or with the exception that broke it.</summary>
    public Task Loop => _loop;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped as asked.
        }
        finally
        {
            _stopping.Dispose();
        }
    }
}
