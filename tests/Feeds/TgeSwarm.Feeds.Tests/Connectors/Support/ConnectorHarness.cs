using Microsoft.Extensions.Logging.Abstractions;
using TgeSwarm.Feeds.Connectors;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>
/// A scripted server, a connector pointed at it and its running loop, with settings that keep tests quick:
/// reconnects after 10–40 ms, no pings and a 10 s silence timeout unless a test asks otherwise, a seeded jitter.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;

    private ConnectorHarness(ScriptedVenueServer server, HttpClient http, VenueConnector connector, RecordingConsumer consumer)
    {
        Server = server;
        _http = http;
        Connector = connector;
        Consumer = consumer;
        Run = Task.Run(() => connector.RunAsync(_stopping.Token));
    }

    public ScriptedVenueServer Server { get; }

    public VenueConnector Connector { get; }

    public RecordingConsumer Consumer { get; }

    public Task Run { get; }

    public ConnectorStatistics Statistics => Connector.Statistics;

    public static async Task<ConnectorHarness> StartAsync(Venue venue, string path, Action<VenueConnectorOptions> configure, Action<ScriptedVenueServer>? script = null)
    {
        var server = await ScriptedVenueServer.StartAsync();
        script?.Invoke(server);
        var options = new VenueConnectorOptions
        {
            Venue = venue,
            WebSocketUrl = server.WebSocketUrl(path),
            RestUrl = server.HttpBase,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(40),
            PingInterval = TimeSpan.Zero,
            SilenceTimeout = TimeSpan.FromSeconds(10),
        };
        configure(options);
        var consumer = new RecordingConsumer();
        var http = new HttpClient();
        var connector = new VenueConnector(options, consumer, http, TimeProvider.System, NullLogger<VenueConnector>.Instance, new Random(7));
        return new ConnectorHarness(server, http, connector, consumer);
    }

    /// <summary>Cancels the loop and waits for <see cref="VenueConnector.RunAsync"/> to return.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Run.WaitAsync(Bounds.Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after {Bounds.Wait} waiting for the {Connector.Venue} connector to stop after cancellation");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        await Server.DisposeAsync();
        _http.Dispose();
        _stopping.Dispose();
    }
}
